using System.CommandLine;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Benchmarks.Http;
using TradingAlerts.Indicators.Synthetic;

namespace TradingAlerts.Benchmarks.History;

/// <summary>
/// <c>history --postgres CS</c> (deploy/bench.sh history): (a) 5,000 M5 bars older than the in-memory window through the
/// API from PostgreSQL against the same rows read by a raw SELECT over the silo's connection pool (sending the API's body,
/// so both transfer the same bytes); (c) the UDF datafeed's history of 2,000 of those bars against the same baseline; (b) a watchlist of 15 pairs in one request against 15 single requests. wrk on
/// loopback, alternating rounds, medians.
/// </summary>
internal static class HistoryCommand
{
    private const int Window = 1_000;
    private const int RangeBars = 5_000;
    private const int UdfBars = 2_000;
    private static readonly Pair M5 = new("EURUSD", Timeframe.M5);

    /// <summary>The columns a range answer uses (prices, numbers, momentum candles; the structures are the latest bar's, from its grain).</summary>
    private static readonly string Columns = string.Join(", ", new[] { "open", "high", "low", "close" }
        .Concat(IndicatorCatalogue.Columns.Where(c => c.Kind != IndicatorKind.Json || c.Form != IndicatorForm.Latest).Select(c => c.Name)));

    public static Command Create()
    {
        var postgres = new Option<string>("--postgres") { Description = "Admin connection string of a throwaway PostgreSQL", Required = true };
        var seconds = new Option<int>("--seconds") { Description = "Duration of each wrk run", DefaultValueFactory = _ => 10 };
        var rounds = new Option<int>("--rounds") { Description = "Alternating rounds over all targets (the median is reported)", DefaultValueFactory = _ => 3 };
        var connections = new Option<int>("--connections") { Description = "wrk connections", DefaultValueFactory = _ => 16 };
        var command = new Command("history", "History by time range from PostgreSQL against a raw SELECT; a watchlist against single requests")
            { postgres, seconds, rounds, connections };
        command.SetAction(async parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            await using var db = await ThrowawayDatabase.CreateAsync("bench_history", DatabaseContent.Schema, parse.GetValue(postgres)!);
            var start = Timeframe.D1.BucketStart(new DateTimeOffset(2022, 1, 3, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds());
            var (from, to) = (start, start + ((RangeBars - 1) * 300L));
            byte[] apiBody = [];

            await using var silo = new HistorySilo(db.ConnectionString, Window, (pool, context) => RawSelectAsync(pool, context, from, to, apiBody));
            silo.Start();
            var grains = silo.Services.GetRequiredService<IGrainFactory>();
            // EURUSD: 6,500 M5 bars (the window keeps the newest 1,000); the other 14 symbols two days, for the watchlist.
            await LoadAsync(grains, "EURUSD", start, start + (6_500 * 300L));
            foreach (var symbol in Symbols.All.Where(s => s != "EURUSD"))
            {
                await LoadAsync(grains, symbol, start, start + (2 * 86_400L));
            }

            using var client = new HttpClient { BaseAddress = silo.BaseAddress };
            var token = await DevToken.GetAsync(client);
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var history = $"/api/indicators/EURUSD/M5?from={from}&to={to}";
            using (var response = await client.GetAsync(new Uri(history, UriKind.Relative)))
            {
                apiBody = await response.Content.ReadAsByteArrayAsync();
                var source = response.Headers.TryGetValues("X-Bars-Source", out var values) ? values.Single() : "?";
                var bars = System.Text.Json.JsonDocument.Parse(apiBody).RootElement.GetProperty("data").GetProperty("metadata").GetProperty("bars_returned").GetInt32();
                if (source != "postgres" || bars != RangeBars)
                {
                    throw new InvalidOperationException($"The range was answered by {source} with {bars} bars, not by PostgreSQL with {RangeBars}");
                }

                output.WriteLine($"data: EURUSD 6,500 M5 bars (window {Window:N0}), 14 symbols x 2 days; range {from}..{to}: {bars:N0} bars from {source}, {apiBody.Length:N0} bytes");
            }

            // (c) the UDF datafeed's history of the oldest 2,000 M5 bars (the silo's clock is UTC: the same times), from PostgreSQL too.
            var udf = $"/udf/history?symbol=EURUSD&resolution=5&from={from}&to={from + ((UdfBars - 1) * 300L)}";
            using (var response = await client.GetAsync(new Uri(udf, UriKind.Relative)))
            {
                var body = await response.Content.ReadAsByteArrayAsync();
                var source = response.Headers.TryGetValues("X-Bars-Source", out var values) ? values.Single() : "?";
                var bars = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("t").GetArrayLength();
                if (source != "postgres" || bars != UdfBars)
                {
                    throw new InvalidOperationException($"The UDF history was answered by {source} with {bars} bars, not by PostgreSQL with {UdfBars}");
                }

                output.WriteLine($"udf: {bars:N0} bars from {source}, {body.Length:N0} bytes");
            }

            var pairs = Symbols.All.Select(s => new Pair(s, Timeframe.H1)).ToList();
            var watchlist = "/api/watchlist?pairs=" + string.Join(',', pairs.Select(p => p.Key));
            var script = Path.Combine(Path.GetTempPath(), $"ta-bench-singles-{Environment.ProcessId}.lua");
            await File.WriteAllTextAsync(script,
                "local paths = {" + string.Join(",", pairs.Select(p => $"\"/api/indicators/{p.Symbol}/{p.Timeframe.Name()}?limit=1\"")) + "}\n" +
                "local i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n");
            try
            {
                var targets = new (string Name, string Path, string? Script)[]
                {
                    ("(a) API range from PostgreSQL", history, null),
                    ("(a) raw SELECT, same pool", "/bench/raw-select", null),
                    ("(c) UDF history, 2,000 bars", udf, null),
                    ("(b) watchlist of 15 pairs", watchlist, null),
                    ("(b) 15 single requests", "/api/indicators/EURUSD/H1?limit=1", script),
                };
                var results = targets.ToDictionary(t => t.Name, _ => new List<WrkResult>());
                foreach (var (_, path, lua) in targets)
                {
                    await Wrk.RunAsync(new Uri(silo.BaseAddress, path), token, 2, parse.GetValue(connections), 2, lua); // warm-up
                }

                for (var round = 0; round < parse.GetValue(rounds); round++)
                {
                    for (var i = 0; i < targets.Length; i++)
                    {
                        var (name, path, lua) = targets[(i + round) % targets.Length];
                        var result = await Wrk.RunAsync(new Uri(silo.BaseAddress, path), token, parse.GetValue(seconds), parse.GetValue(connections), 2, lua);
                        results[name].Add(result);
                        output.WriteLine($"round {round + 1}: {name,-32} {result.RequestsPerSecond,10:N0} req/s  p50 {result.P50Ms,8:0.00} ms  p99 {result.P99Ms,8:0.00} ms{(result.Non2xx > 0 ? $"  NON-2xx {result.Non2xx}" : "")}");
                    }
                }

                Report(results, output);
            }
            finally
            {
                File.Delete(script);
            }

            return 0;
        });
        return command;
    }

    private static void Report(Dictionary<string, List<WrkResult>> results, TextWriter output)
    {
        var rps = WrkTable.Write(results, output, 34);
        var watchlist = rps["(b) watchlist of 15 pairs"];
        var singles = rps["(b) 15 single requests"];
        output.WriteLine();
        output.WriteLine($"(a) API range / raw SELECT            {rps["(a) API range from PostgreSQL"] / rps["(a) raw SELECT, same pool"],6:0.00}  (target >= 0.5)");
        output.WriteLine($"(c) UDF history / raw SELECT          {rps["(c) UDF history, 2,000 bars"] / rps["(a) raw SELECT, same pool"],6:0.00}  (2,000 bars against 5,000 rows)");
        output.WriteLine($"(b) watchlist req/s / single req/s    {watchlist / singles,6:0.00}");
        output.WriteLine($"(b) watchlists/s / (singles/s / 15)   {watchlist * 15 / singles,6:0.00}  (15 pairs in one request against 15 requests)");
    }

    /// <summary>The rows the range covers with the columns the API reads, every value read off the reader, then the API's own body (the same transfer).</summary>
    private static async Task RawSelectAsync(NpgsqlDataSource pool, HttpContext context, long from, long to, byte[] body)
    {
        await using (var command = pool.CreateCommand(
            $"SELECT timestamp, {Columns} FROM {M5.TableName} WHERE timestamp >= @from AND timestamp <= @to ORDER BY timestamp DESC LIMIT {RangeBars}"))
        {
            command.Parameters.AddWithValue("from", NpgsqlDbType.TimestampTz, DateTime.UnixEpoch.AddSeconds(from));
            command.Parameters.AddWithValue("to", NpgsqlDbType.TimestampTz, DateTime.UnixEpoch.AddSeconds(to));
            await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync(context.RequestAborted))
            {
                reader.GetValues(values);
            }
        }

        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static async Task LoadAsync(IGrainFactory grains, string symbol, long from, long to)
    {
        var market = new SyntheticMarket([symbol]);
        var rows = market.History(symbol, from, to).Concat(market.Forming(symbol))
            .Select((b, i) => b.ToRecord() with { Seq = i + 1, WrittenAtMs = 1 }).ToArray();
        foreach (var chunk in rows.Chunk(5_000))
        {
            await grains.GetGrain<ISymbolGrain>(symbol).Ingest(new IngestBatch(symbol, "bench", chunk, chunk[^1].Seq));
        }
    }
}
