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

    public static async Task<(double Seed, double Grid, double Copy)> RunAsync(string admin, Dictionary<string, List<BarRecord>> rows, TextWriter output)
    {
        var total = rows.Values.Sum(r => r.Count);
        await using var seedDb = await ThrowawayDatabase.CreateAsync("bench_seed", DatabaseContent.Schema, admin);
        var seed = await Time(() => SeedSyncAsync(seedDb.DataSource, rows));
        output.WriteLine($"seed sync (100 single-row upserts per round trip): {total / seed.TotalSeconds,10:N0} rows/s ({seed.TotalSeconds:0.0} s)");

        await using var gridDb = await ThrowawayDatabase.CreateAsync("bench_grid", DatabaseContent.Schema, admin);
        var grid = await Time(() => GridAsync(gridDb.DataSource, rows));
        output.WriteLine($"grid (SymbolGrain batches, write-through):       {total / grid.TotalSeconds,10:N0} rows/s ({grid.TotalSeconds:0.0} s)");

        await using var copyDb = await ThrowawayDatabase.CreateAsync("bench_copy", DatabaseContent.Schema, admin);
        var copy = await Time(() => CopyAsync(copyDb.DataSource, rows));
        output.WriteLine($"ceiling (raw binary COPY into empty tables):     {total / copy.TotalSeconds,10:N0} rows/s ({copy.TotalSeconds:0.0} s)");

        foreach (var (db, name) in new[] { (seedDb, "seed"), (gridDb, "grid"), (copyDb, "copy") })
        {
            var sum = string.Join(" + ", Pair.All.Select(p => $"(SELECT count(*) FROM {p.TableName})"));
            await using var count = db.DataSource.CreateCommand($"SELECT {sum}");
            var stored = (long)(await count.ExecuteScalarAsync())!;
            if (stored != total)
            {
                throw new InvalidOperationException($"{name}: {stored} rows stored, {total} expected");
            }
        }

        return (total / seed.TotalSeconds, total / grid.TotalSeconds, total / copy.TotalSeconds);
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
