using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.Feeds;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.Ingest;
using TradingAlerts.Persistence.Postgres;

namespace TradingAlerts.Benchmarks.Grid;

/// <summary>
/// How the agent learns of writes (<c>--only wakeup</c>), polling (notifications off, 250 ms, as before) against
/// notifications (fallback every 5 s), in the same run: (a) the process's CPU time while a collector file of all 15
/// symbols is idle, less that of the same grid with an agent tailing nothing (the periodic integrity check off in
/// both); (b) write → visible in grain state.
/// </summary>
internal static class WakeupBenchmark
{
    private static readonly Dictionary<string, string?> Polling = new()
    {
        ["Ingest:FileNotifications"] = "false",
        ["Ingest:PollInterval"] = "00:00:00.250",
    };

    private static readonly Dictionary<string, string?> Notified = new()
    {
        ["Ingest:FileNotifications"] = "true",
        ["Ingest:FallbackPollInterval"] = "00:00:05",
    };

    /// <summary>
    /// Each part on its own throwaway database: a grain rehydrated from another part's bars (same symbol, same bar
    /// times) would judge the new file's rows against them.
    /// </summary>
    public static async Task RunAsync(string admin, int updates, TimeSpan idle, TextWriter output)
    {
        await using (var db = await ThrowawayDatabase.CreateAsync("bench_wakeup", DatabaseContent.Schema, admin))
        {
            await IdleCpuAsync(db.DataSource, idle, output);
        }

        foreach (var (settings, label) in new[] { (Polling, "polling every 250 ms, notifications off"), (Notified, "notified, fallback 5 s") })
        {
            await using var db = await ThrowawayDatabase.CreateAsync("bench_wakeup", DatabaseContent.Schema, admin);
            await FreshnessBenchmark.RunAsync(db.DataSource, updates, output, settings, label);
        }
    }

    private static async Task IdleCpuAsync(NpgsqlDataSource dataSource, TimeSpan idle, TextWriter output)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ta-wakeup-{Guid.NewGuid():N}.db");
        try
        {
            using (var writer = new CollectorWriter(file))
            {
                var to = Timeframe.M5.BucketStart(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
                new SyntheticFeed(writer, new SyntheticMarket(Symbols.All)).WriteHistory(to - 86_400, to);
            }

            // The grid alone last: the first host of the process also pays for JIT and warm-up.
            var polling = await IdleAsync(dataSource, With(Polling, file), idle);
            var notified = await IdleAsync(dataSource, With(Notified, file), idle);
            var floor = await IdleAsync(dataSource, null, idle);
            var (agentPolling, agentNotified) = (polling.Cpu - floor.Cpu, notified.Cpu - floor.Cpu);
            output.WriteLine($"idle CPU over {idle.TotalSeconds:0} s, one file of 15 symbols: grid with an agent tailing nothing {floor.Cpu.TotalMilliseconds:0} ms; "
                + $"polling {polling.Cpu.TotalMilliseconds:0} ms (agent {agentPolling.TotalMilliseconds:0} ms, {polling.Reads} reads); "
                + $"notified {notified.Cpu.TotalMilliseconds:0} ms (agent {agentNotified.TotalMilliseconds:0} ms, {notified.Reads} reads); "
                + $"agent notified/polling {agentNotified / agentPolling:0.000}, process {notified.Cpu / polling.Cpu:0.00}");
        }
        finally
        {
            Delete(file);
        }
    }

    /// <summary>A grid whose agent tails <paramref name="ingest"/>'s file (none when null): caught up, then CPU time and reads over <paramref name="idle"/>.</summary>
    private static async Task<(TimeSpan Cpu, long Reads)> IdleAsync(NpgsqlDataSource dataSource, Dictionary<string, string?>? ingest, TimeSpan idle)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(ingest ?? []).Build();
        using var host = GridHost.Build(new PostgresBarStore(dataSource), services => services.AddIngestAgent(settings));
        await host.StartAsync();
        var reads = 0L;
        using var listener = new MeterListener();
        var metrics = host.Services.GetRequiredService<IngestMetrics>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument == metrics.Reads)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref reads, value));
        listener.Start();
        if (ingest?.GetValueOrDefault("Ingest:SqlitePaths:0") is { } file)
        {
            var reader = new CollectorReader(file);
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            foreach (var symbol in Symbols.All)
            {
                var newest = reader.Inspect(symbol).MaxSeq;
                await Eventually.UntilAsync($"{symbol} caught up", async () => await grains.GetGrain<ISymbolGrain>(symbol).GetCursor(file) >= newest,
                    TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(100));
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(10)); // the loops' last passes found nothing; the catch-up's garbage and write-through are done
        var process = Process.GetCurrentProcess();
        var (cpu, readsBefore) = (process.TotalProcessorTime, Interlocked.Read(ref reads));
        await Task.Delay(idle);
        process.Refresh();
        var result = (process.TotalProcessorTime - cpu, Interlocked.Read(ref reads) - readsBefore);
        await host.StopAsync();
        return result;
    }

    /// <summary>
    /// The file's periodic <c>PRAGMA quick_check</c> is off while idle CPU is measured: it reads the whole file every 15 s
    /// in either mode alike (most of an idle notified agent's CPU) and is not what is compared.
    /// </summary>
    private static Dictionary<string, string?> With(Dictionary<string, string?> settings, string file) =>
        new(settings) { ["Ingest:SqlitePaths:0"] = file, ["Ingest:IntegrityCheckInterval"] = "00:00:00" };

    private static void Delete(string file)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm", file + CollectorQuarantine.Suffix }.Where(File.Exists))
        {
            File.Delete(f);
        }
    }
}
