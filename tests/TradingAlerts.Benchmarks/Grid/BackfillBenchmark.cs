using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using NpgsqlTypes;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Persistence.Postgres;

namespace TradingAlerts.Benchmarks.Grid;

/// <summary>
/// Backfill ingest rate on the same rows and server, three ways: the original plan's sync (per table,
/// batches of 100 single-row INSERT … ON CONFLICT DO UPDATE per round trip), the grid (SymbolGrain batches,
/// write-through by the timeframe grains), and the ceiling (a raw binary COPY into empty tables).
/// </summary>
internal static class BackfillBenchmark
{
    private const string Columns = "timestamp, open, high, low, close, fractals, horizontal_trendlines, diagonal_trendlines, " +
        "momentum_candles, keltner_channels, tema, hrma, smma, zigzag";

    /// <summary>
    /// The sync once (a reference), then <paramref name="rounds"/> rounds of the grid and the COPY, alternating which
    /// goes first, each into a fresh database; rates are medians over the rounds. The rows were read and checked by
    /// the collector reader before any timing, as the agent hands them over: every path starts from the same rows.
    /// </summary>
    public static async Task<(double Seed, double Grid, double Copy)> RunAsync(string admin, Dictionary<string, List<BarRecord>> rows, int rounds, TextWriter output)
    {
        var total = rows.Values.Sum(r => r.Count);
        double seed;
        await using (var seedDb = await ThrowawayDatabase.CreateAsync("bench_seed", DatabaseContent.Schema, admin))
        {
            seed = total / (await Time(() => SeedSyncAsync(seedDb.DataSource, rows))).TotalSeconds;
            await CheckCountAsync(seedDb, "seed", total);
        }

        output.WriteLine($"seed sync (100 single-row upserts per round trip): {seed,10:N0} rows/s");

        // A warm-up grid run (JIT, first activations) on a tenth of the rows, not counted.
        await using (var warmDb = await ThrowawayDatabase.CreateAsync("bench_warm", DatabaseContent.Schema, admin))
        {
            await GridAsync(warmDb.DataSource, rows.ToDictionary(e => e.Key, e => e.Value.Take(e.Value.Count / 10).ToList()));
        }

        // The same values as new objects, as a silo receives them from an agent in another process: the grain checks them.
        var received = rows.ToDictionary(e => e.Key, e => e.Value.Select(b => b with { Indicators = b.Indicators with { } }).ToList());
        var paths = new (string Name, Func<NpgsqlDataSource, Task> Run)[]
        {
            ("grid (SymbolGrain batches, write-through)", ds => GridAsync(ds, rows)),
            ("ceiling (raw binary COPY into empty tables)", ds => CopyAsync(ds, rows)),
            ("grid, values from another process (checked)", ds => GridAsync(ds, received)),
        };
        var rates = paths.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            // Each round starts with another path, so none always runs on the server state another left behind.
            foreach (var i in Enumerable.Range(0, paths.Length).Select(i => (i + round) % paths.Length))
            {
                await using var db = await ThrowawayDatabase.CreateAsync("bench_backfill", DatabaseContent.Schema, admin);
                var rate = total / (await Time(() => paths[i].Run(db.DataSource))).TotalSeconds;
                await CheckCountAsync(db, paths[i].Name, total);
                rates[i].Add(rate);
                output.WriteLine($"round {round + 1}: {paths[i].Name,-45} {rate,10:N0} rows/s");
            }
        }

        output.WriteLine($"medians of {rounds} rounds: " + string.Join(", ", paths.Select((p, i) => $"{p.Name} {Median(rates[i]):N0} rows/s")));
        output.WriteLine($"grid with values from another process / ceiling: {Median(rates[2]) / Median(rates[1]):0.00}");
        return (seed, Median(rates[0]), Median(rates[1]));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Every path must have stored every row, or its rate means nothing.</summary>
    private static async Task CheckCountAsync(ThrowawayDatabase db, string name, int total)
    {
        var sum = string.Join(" + ", Pair.All.Select(p => $"(SELECT count(*) FROM {p.TableName})"));
        await using var count = db.DataSource.CreateCommand($"SELECT {sum}");
        var stored = (long)(await count.ExecuteScalarAsync())!;
        if (stored != total)
        {
            throw new InvalidOperationException($"{name}: {stored} rows stored, {total} expected");
        }
    }

    private static async Task<TimeSpan> Time(Func<Task> run)
    {
        var watch = Stopwatch.StartNew();
        await run();
        return watch.Elapsed;
    }

    private static async Task SeedSyncAsync(NpgsqlDataSource dataSource, Dictionary<string, List<BarRecord>> rows)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var (symbol, bars) in rows)
        {
            foreach (var pairBars in bars.GroupBy(b => b.Timeframe))
            {
                var table = new Pair(symbol, pairBars.Key).TableName;
                var sql = $"INSERT INTO {table} ({Columns}) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9::jsonb, $10::jsonb, $11, $12, $13, $14::jsonb) " +
                    "ON CONFLICT (timestamp) DO UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close, " +
                    "fractals = EXCLUDED.fractals, horizontal_trendlines = EXCLUDED.horizontal_trendlines, diagonal_trendlines = EXCLUDED.diagonal_trendlines, " +
                    "momentum_candles = EXCLUDED.momentum_candles, keltner_channels = EXCLUDED.keltner_channels, tema = EXCLUDED.tema, hrma = EXCLUDED.hrma, " +
                    "smma = EXCLUDED.smma, zigzag = EXCLUDED.zigzag";
                foreach (var chunk in pairBars.Chunk(100))
                {
                    await using var batch = new NpgsqlBatch(connection);
                    foreach (var bar in chunk)
                    {
                        var command = new NpgsqlBatchCommand(sql);
                        AddValues(command.Parameters, bar);
                        batch.BatchCommands.Add(command);
                    }

                    await batch.ExecuteNonQueryAsync();
                }
            }
        }
    }

    private static async Task GridAsync(NpgsqlDataSource dataSource, Dictionary<string, List<BarRecord>> rows)
    {
        using var host = GridHost.Build(new PostgresBarStore(dataSource));
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        await Task.WhenAll(rows.Select(async entry =>
        {
            var grain = grains.GetGrain<ISymbolGrain>(entry.Key);
            foreach (var chunk in entry.Value.Chunk(500))
            {
                await grain.Ingest(new IngestBatch(entry.Key, "bench.db", chunk, chunk[^1].Seq));
            }
        }));
        await host.StopAsync();
    }

    private static async Task CopyAsync(NpgsqlDataSource dataSource, Dictionary<string, List<BarRecord>> rows)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var (symbol, bars) in rows)
        {
            foreach (var pairBars in bars.GroupBy(b => b.Timeframe))
            {
                var latest = pairBars.GroupBy(b => b.Time).Select(g => g.MaxBy(b => b.Seq)!);
                await using var import = await connection.BeginBinaryImportAsync(
                    $"COPY {new Pair(symbol, pairBars.Key).TableName} ({Columns}) FROM STDIN (FORMAT BINARY)");
                foreach (var bar in latest)
                {
                    await import.StartRowAsync();
                    await import.WriteAsync(DateTime.UnixEpoch.AddSeconds(bar.Time), NpgsqlDbType.TimestampTz);
                    await import.WriteAsync(bar.Open, NpgsqlDbType.Double);
                    await import.WriteAsync(bar.High, NpgsqlDbType.Double);
                    await import.WriteAsync(bar.Low, NpgsqlDbType.Double);
                    await import.WriteAsync(bar.Close, NpgsqlDbType.Double);
                    var v = bar.Indicators;
                    foreach (var json in new[] { v.Fractals, v.HorizontalTrendlines, v.DiagonalTrendlines, v.MomentumCandles, v.KeltnerChannels })
                    {
                        await WriteAsync(import, json, NpgsqlDbType.Jsonb);
                    }

                    foreach (var number in new[] { v.Tema, v.Hrma, v.Smma })
                    {
                        await WriteAsync(import, number, NpgsqlDbType.Double);
                    }

                    await WriteAsync(import, v.ZigZag, NpgsqlDbType.Jsonb);
                }

                await import.CompleteAsync();
            }
        }
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter import, T? value, NpgsqlDbType type) =>
        value is null ? import.WriteNullAsync() : import.WriteAsync(value, type);

    private static void AddValues(NpgsqlParameterCollection p, BarRecord bar)
    {
        var v = bar.Indicators;
        p.Add(new NpgsqlParameter { Value = DateTime.UnixEpoch.AddSeconds(bar.Time), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        foreach (var price in new[] { bar.Open, bar.High, bar.Low, bar.Close })
        {
            p.Add(new NpgsqlParameter { Value = price });
        }

        foreach (var json in new[] { v.Fractals, v.HorizontalTrendlines, v.DiagonalTrendlines, v.MomentumCandles, v.KeltnerChannels })
        {
            p.Add(new NpgsqlParameter { Value = (object?)json ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        }

        foreach (var number in new[] { v.Tema, v.Hrma, v.Smma })
        {
            p.Add(new NpgsqlParameter { Value = (object?)number ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double });
        }

        p.Add(new NpgsqlParameter { Value = (object?)v.ZigZag ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
    }
}
