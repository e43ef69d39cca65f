using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Benchmarks.Grid;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.Persistence.Postgres;

namespace TradingAlerts.Benchmarks.Http;

/// <summary>
/// <c>http --postgres CS --redis HOST:PORT</c>: wrk on loopback against the grid's API and the original
/// plan's read paths served by the same process, in alternating rounds (deploy/bench.sh http).
/// </summary>
internal static class HttpCommand
{
    private static readonly Pair Pair = new("EURUSD", Timeframe.H1);

    public static Command Create()
    {
        var postgres = new Option<string>("--postgres") { Description = "Admin connection string of a throwaway PostgreSQL", Required = true };
        var redis = new Option<string>("--redis") { Description = "Redis host:port", Required = true };
        var seconds = new Option<int>("--seconds") { Description = "Duration of each wrk run", DefaultValueFactory = _ => 10 };
        var rounds = new Option<int>("--rounds") { Description = "Alternating rounds over all targets (the median is reported)", DefaultValueFactory = _ => 3 };
        var connections = new Option<int>("--connections") { Description = "wrk connections", DefaultValueFactory = _ => 16 };
        var limit = new Option<int>("--limit") { Description = "Bars per indicators request", DefaultValueFactory = _ => 1000 };
        var command = new Command("http", "Requests/s and latency of the grid API against the seed's database, Redis and static read paths")
            { postgres, redis, seconds, rounds, connections, limit };
        command.SetAction(async parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var bars = parse.GetValue(limit);
            await using var db = await ThrowawayDatabase.CreateAsync("bench_http", DatabaseContent.Schema, parse.GetValue(postgres)!);
            await using var redisConnection = await ConnectionMultiplexer.ConnectAsync(parse.GetValue(redis)!);
            var store = db.DataSource;
            var baselines = new Baselines(store, redisConnection.GetDatabase(), Pair, bars);

            await using var silo = new BenchSilo(baselines);
            silo.Start();
            var rows = History(days: (bars / 24) + 20);
            await LoadAsync(silo.Services.GetRequiredService<IGrainFactory>(), store, rows);
            var size = await baselines.PrepareAsync();
            var token = await ProTokenAsync(silo);
            await CheckSameBodyAsync(silo, token, bars, output);
            output.WriteLine($"data: {rows.Length:N0} EURUSD rows on 9 timeframes in the grain and in PostgreSQL; response {size:N0} bytes for limit={bars}");

            var targets = new (string Name, string Path)[]
            {
                ("grid indicators", $"/api/indicators/{Pair.Symbol}/{Pair.Timeframe.Name()}?limit={bars}"),
                ("(a) seed PostgreSQL read", "/bench/seed-read"),
                ("(b) seed Redis cache", "/bench/seed-cache"),
                ("(c) static bytes", "/bench/static"),
                ("grid confluence", $"/api/confluence/{Pair.Symbol}"),
                ("seed confluence (9 queries)", "/bench/seed-confluence"),
            };
            var results = targets.ToDictionary(t => t.Name, _ => new List<WrkResult>());
            foreach (var (_, path) in targets)
            {
                await Wrk.RunAsync(new Uri(silo.BaseAddress, path), token, 2, parse.GetValue(connections), 2); // warm-up
            }

            for (var round = 0; round < parse.GetValue(rounds); round++)
            {
                // Alternating: each round starts one target later, so drift (GC, page cache) spreads over all.
                for (var i = 0; i < targets.Length; i++)
                {
                    var (name, path) = targets[(i + round) % targets.Length];
                    var result = await Wrk.RunAsync(new Uri(silo.BaseAddress, path), token, parse.GetValue(seconds), parse.GetValue(connections), 2);
                    results[name].Add(result);
                    output.WriteLine($"round {round + 1}: {name,-30} {result.RequestsPerSecond,10:N0} req/s  p50 {result.P50Ms,8:0.00} ms  p99 {result.P99Ms,8:0.00} ms{(result.Non2xx > 0 ? $"  NON-2xx {result.Non2xx}" : "")}");
                }
            }

            Report(results, output);
            return 0;
        });
        return command;
    }

    private static void Report(Dictionary<string, List<WrkResult>> results, TextWriter output)
    {
        var rps = WrkTable.Write(results, output, 32);
        var grid = rps["grid indicators"];
        output.WriteLine();
        output.WriteLine($"grid / (a) seed PostgreSQL read  {grid / rps["(a) seed PostgreSQL read"],6:0.00}  (target >= 10)");
        output.WriteLine($"grid / (b) seed Redis cache      {grid / rps["(b) seed Redis cache"],6:0.00}  (target >= 1.5)");
        output.WriteLine($"grid / (c) static bytes          {grid / rps["(c) static bytes"],6:0.00}  (target >= 0.7)");
        output.WriteLine($"confluence grid / 9 queries      {rps["grid confluence"] / rps["seed confluence (9 queries)"],6:0.00}  (target >= 20)");
    }

    private static BarRecord[] History(int days)
    {
        var market = new SyntheticMarket([Pair.Symbol]);
        var to = Timeframe.D1.BucketStart(new DateTimeOffset(2022, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds());
        return market.History(Pair.Symbol, to - (days * 86_400L), to)
            .Select((b, i) => b.ToRecord() with { Seq = i + 1, WrittenAtMs = 1 }).ToArray();
    }

    /// <summary>The same rows into the grid (through the SymbolGrain) and into PostgreSQL (the seed's tables).</summary>
    private static async Task LoadAsync(IGrainFactory grains, NpgsqlDataSource store, BarRecord[] rows)
    {
        foreach (var chunk in rows.Chunk(5_000))
        {
            await grains.GetGrain<ISymbolGrain>(Pair.Symbol).Ingest(new IngestBatch(Pair.Symbol, "bench", chunk, chunk[^1].Seq));
        }

        foreach (var group in rows.GroupBy(r => r.Timeframe))
        {
            await store.BulkUpsertAsync(new Pair(Pair.Symbol, group.Key), group.ToList());
        }
    }

    private static async Task<string> ProTokenAsync(BenchSilo silo)
    {
        using var client = new HttpClient { BaseAddress = silo.BaseAddress };
        return await DevToken.GetAsync(client);
    }

    /// <summary>The comparison is only fair if every path sends the same bytes.</summary>
    private static async Task CheckSameBodyAsync(BenchSilo silo, string token, int limit, TextWriter output)
    {
        using var client = new HttpClient { BaseAddress = silo.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var grid = await client.GetByteArrayAsync(new Uri($"/api/indicators/{Pair.Symbol}/{Pair.Timeframe.Name()}?limit={limit}", UriKind.Relative));
        var seed = await client.GetByteArrayAsync(new Uri("/bench/seed-read", UriKind.Relative));
        var cached = await client.GetByteArrayAsync(new Uri("/bench/seed-cache", UriKind.Relative));
        var gridConfluence = await client.GetByteArrayAsync(new Uri($"/api/confluence/{Pair.Symbol}", UriKind.Relative));
        var seedConfluence = await client.GetByteArrayAsync(new Uri("/bench/seed-confluence", UriKind.Relative));
        // The baselines sit behind the same middleware: a bad token is refused there as on the API.
        using var bad = new HttpRequestMessage(HttpMethod.Get, new Uri("/bench/static", UriKind.Relative));
        bad.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        var refused = (await client.SendAsync(bad)).StatusCode;
        if (refused != System.Net.HttpStatusCode.Unauthorized)
        {
            throw new InvalidOperationException($"The baselines bypass the silo's middleware (a bad token got {refused})");
        }

        // Same content; the text may differ where PostgreSQL's JSONB re-formats the indicator JSON it stores.
        static bool Same(byte[] a, byte[] b) => JsonNode.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b));
        output.WriteLine($"same JSON: indicators grid = (a) {Same(grid, seed)} ({grid.Length:N0} / {seed.Length:N0} bytes), (a) = (b) {seed.AsSpan().SequenceEqual(cached)}; " +
            $"confluence grid = recomputed {Same(gridConfluence, seedConfluence)} ({gridConfluence.Length:N0} / {seedConfluence.Length:N0} bytes)");
    }
}
