using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Ingest;
using TradingAlerts.Persistence.Postgres;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.Benchmarks.Grid;

/// <summary>
/// Freshness: a collector write until the bar is in grain state (seen by a grain observer), through the
/// real agent (its defaults unless told otherwise) and write-through to PostgreSQL; 1,000 forming-bar rewrites, 20 ms apart.
/// A write counts as visible when it, or a later rewrite of the same bar, reached the grain: the agent
/// reads only the newest version of a bar that was rewritten several times between two polls.
/// </summary>
internal static class FreshnessBenchmark
{
    /// <param name="ingest">Ingest settings besides the file (notifications, intervals); the defaults when null.</param>
    /// <param name="label">How the agent learned of the writes, for the output line.</param>
    public static async Task<(double P50, double P99)> RunAsync(
        NpgsqlDataSource dataSource, int updates, TextWriter output, IReadOnlyDictionary<string, string?>? ingest = null, string label = "agent defaults")
    {
        var file = Path.Combine(Path.GetTempPath(), $"ta-fresh-{Guid.NewGuid():N}.db");
        using (new CollectorWriter(file))
        {
        }

        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(ingest ?? new Dictionary<string, string?>()) { ["Ingest:SqlitePaths:0"] = file }).Build();
        using var host = GridHost.Build(new PostgresBarStore(dataSource), services => services.AddIngestAgent(settings));
        await host.StartAsync();
        var seen = new ConcurrentQueue<(long Seq, long AtMs)>();
        var observer = new Observer(seen);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var grain = grains.GetGrain<ITimeframeGrain>("EURUSD/M5");
        await grain.Subscribe(grains.CreateObjectReference<IBarObserver>(observer));

        var writtenAt = new long[updates];
        using (var writer = new CollectorWriter(file))
        {
            var time = Timeframe.M5.BucketStart(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            for (var i = 0; i < updates; i++)
            {
                var close = 1.1 + (i / 100_000.0);
                writtenAt[i] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                writer.Write("EURUSD", [new BarRecord(Timeframe.M5, time, 1.1, close + 0.001, 1.09, close, IndicatorValues.None, 0, 0)]);
                await Task.Delay(20);
            }
        }

        // On a fresh file the i-th write has seq i + 1.
        // Bounded; what arrived by then is reported either way.
        await Eventually.LastAsync(() => Task.FromResult(seen.Any(s => s.Seq >= updates)), all => all, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50));
        // The grain holds the observer weakly: collected earlier (a Release build lets the local go), it hears nothing more.
        GC.KeepAlive(observer);

        var observations = seen.OrderBy(s => s.Seq).ToArray();
        var latencies = new List<double>(updates);
        for (var i = 0; i < updates; i++)
        {
            var first = observations.FirstOrDefault(o => o.Seq >= i + 1);
            if (first != default)
            {
                latencies.Add(first.AtMs - writtenAt[i]);
            }
        }

        await host.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
        {
            File.Delete(f);
        }

        var sorted = latencies.Order().ToArray();
        var p50 = sorted[sorted.Length / 2];
        var p99 = sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(sorted.Length * 0.99) - 1)];
        output.WriteLine($"freshness ({label}; write -> visible in grain state) over {sorted.Length} of {updates} writes: p50 {p50:0} ms, p99 {p99:0} ms, max {sorted[^1]:0} ms ({observations.Length} grain updates observed)");
        return (p50, p99);
    }

    private sealed class Observer(ConcurrentQueue<(long Seq, long AtMs)> seen) : IBarObserver
    {
        public void OnChanges(PairChanges changes)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            foreach (var bar in changes.Bars.Select(v => v.Bar))
            {
                seen.Enqueue((bar.Seq, now));
            }
        }
    }
}
