using System.CommandLine;
using Npgsql;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Feeds;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.Benchmarks.Grid;

/// <summary><c>grid --postgres CS [--days 30] [--updates 1000] [--only PART]</c>: the grid benchmarks that need a real PostgreSQL (deploy/bench.sh).</summary>
internal static class GridCommand
{
    public static Command Create()
    {
        var postgres = new Option<string>("--postgres") { Description = "Admin connection string of a throwaway PostgreSQL", Required = true };
        var days = new Option<int>("--days") { Description = "Days of M5 history for the 15 symbols (the issue's full run is 365)", DefaultValueFactory = _ => 30 };
        var rounds = new Option<int>("--rounds") { Description = "backfill: rounds of grid and COPY (medians reported)", DefaultValueFactory = _ => 3 };
        var updates = new Option<int>("--updates") { Description = "Collector writes measured for freshness", DefaultValueFactory = _ => 1_000 };
        var only = new Option<string?>("--only") { Description = "Run one part: memory, backfill, freshness, wakeup (polling vs notifications: idle CPU, latency), storage (pglz vs lz4) or stream (SSE delivery latency with 1 and 1,000 streams, catch-up rate); webhook (alert delivery throughput and latency, the alert engine as a process); or the silo processes at realistic history: coldstart, failover (comma-separated), or cache (distinct limits against the response cache)" };
        var file = new Option<string?>("--collector-file") { Description = "coldstart/failover: reuse this collector file (written there and kept when missing)" };
        var siloEnv = new Option<string[]>("--silo-env") { Description = "coldstart/failover/cache: KEY=VALUE set in every silo process (e.g. DOTNET_gcServer=0)", AllowMultipleArgumentsPerToken = true };
        var requests = new Option<int>("--requests") { Description = "cache: distinct limit values sent (1..N)", DefaultValueFactory = _ => 5_000 };
        var idle = new Option<int>("--idle-seconds") { Description = "wakeup: seconds the collector file stays idle while CPU is measured", DefaultValueFactory = _ => 30 };
        var encoding = new Option<string?>("--accept-encoding") { Description = "cache: the Accept-Encoding of every request (e.g. br); none by default, as curl sends" };
        var liveSeconds = new Option<int>("--live-seconds") { Description = "webhook: seconds of live cycles whose alerts' latency is measured", DefaultValueFactory = _ => 60 };
        var command = new Command("grid", "Backfill ingest vs the seed's sync and a raw COPY; freshness; memory") { postgres, days, rounds, updates, only, file, siloEnv, requests, encoding, idle, liveSeconds };
        command.SetAction(async parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var part = parse.GetValue(only);
            var admin = parse.GetValue(postgres)!;
            Dictionary<string, string> Environment() =>
                (parse.GetValue(siloEnv) ?? []).Select(e => e.Split('=', 2)).ToDictionary(e => e[0], e => e.Length > 1 ? e[1] : string.Empty);
            if (part is not null && (part.Contains("coldstart", StringComparison.Ordinal) || part.Contains("failover", StringComparison.Ordinal)))
            {
                await Memory.ColdStartBenchmark.RunAsync(admin, parse.GetValue(days), part, parse.GetValue(file), Environment(), output);
                return 0;
            }

            if (part is "cache")
            {
                await Memory.CacheBenchmark.RunAsync(admin, parse.GetValue(days), parse.GetValue(file), parse.GetValue(requests), parse.GetValue(encoding), Environment(), output);
                return 0;
            }

            if (part is "wakeup")
            {
                await WakeupBenchmark.RunAsync(admin, parse.GetValue(updates), TimeSpan.FromSeconds(parse.GetValue(idle)), output);
                return 0;
            }

            if (part is "webhook")
            {
                await Alerts.WebhookBenchmark.RunAsync(admin, parse.GetValue(days), TimeSpan.FromSeconds(parse.GetValue(liveSeconds)), output);
                return 0;
            }

            if (part is "stream")
            {
                await TradingAlerts.Benchmarks.Live.StreamBenchmark.RunAsync(admin, output);
                return 0;
            }

            if (part is "storage")
            {
                await StorageBenchmark.RunAsync(admin, Collect(parse.GetValue(days), output), rounds: 2, output);
                return 0;
            }

            if (part is null or "memory")
            {
                await MemoryBenchmark.RunAsync(output);
            }

            if (part is null or "backfill")
            {
                var rows = Collect(parse.GetValue(days), output);
                var (seed, grid, copy) = await BackfillBenchmark.RunAsync(admin, rows, parse.GetValue(rounds), output);
                // The server's JSONB and TOAST work bounds every write path alike: the grid is measured against the raw COPY.
                output.WriteLine($"backfill ratios: grid/ceiling {grid / copy:0.00} (target >= 0.9); for reference grid/seed {grid / seed:0.00}, ceiling/seed {copy / seed:0.00}");
            }

            if (part is null or "freshness")
            {
                await using var db = await ThrowawayDatabase.CreateAsync("bench_fresh", DatabaseContent.Schema, admin);
                await FreshnessBenchmark.RunAsync(db.DataSource, parse.GetValue(updates), output);
            }

            return 0;
        });
        return command;
    }

    /// <summary>A collector file of synthetic history for all 15 symbols, read back as the agent would.</summary>
    private static Dictionary<string, List<BarRecord>> Collect(int days, TextWriter output)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ta-backfill-{Guid.NewGuid():N}.db");
        try
        {
            using (var writer = new CollectorWriter(file))
            {
                var to = Timeframe.M5.BucketStart(new DateTimeOffset(2022, 1, 31, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds());
                new SyntheticFeed(writer, new SyntheticMarket(Symbols.All)).WriteHistory(to - (days * 86_400L), to);
            }

            var reader = new CollectorReader(file);
            var rows = new Dictionary<string, List<BarRecord>>();
            foreach (var symbol in Symbols.All)
            {
                var list = rows[symbol] = [];
                long cursor = 0;
                for (var batch = reader.Read(symbol, 0, 10_000); batch.Count > 0; batch = reader.Read(symbol, cursor, 10_000))
                {
                    list.AddRange(batch.Rows);
                    cursor = batch.LastSeq;
                }
            }

            output.WriteLine($"data: {days} days of M5 for 15 symbols on 9 timeframes = {rows.Values.Sum(r => r.Count):N0} rows");
            return rows;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
            {
                File.Delete(f);
            }
        }
    }
}
