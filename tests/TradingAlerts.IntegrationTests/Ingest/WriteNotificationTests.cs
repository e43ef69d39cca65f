using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Ingest;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Ingest;

/// <summary>
/// The agent learns of a write as it happens (file-change notifications on the collector file and its WAL), an idle
/// agent opens nothing, a file replaced in place is still read, and a write no notification reports is picked up by the
/// fallback poll. Real silo on PostgreSQL, real agent, real SQLite files written by another process (python3), as a
/// terminal writes; every wait is bounded far below the intervals that polling would need.
/// </summary>
public sealed class WriteNotificationTests : IDisposable
{
    /// <summary>Longer than any wait of these tests: what arrives, arrives because the agent was told.</summary>
    private const string Never = "00:10:00";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly TempCollectorFile _file = new();
    private readonly string _elsewhere = Path.Combine(Path.GetTempPath(), $"ta-elsewhere-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_row_another_process_writes_reaches_the_grain_long_before_any_poll()
    {
        _file.WriteHistory(1, "EURUSD");
        await using var db = await Database();
        await using var silo = Silo(db, fallback: Never, poll: Never);
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        await Idle(grains);

        var bar = await NextM5(grains);
        await ForeignWriter.InsertAsync(_file.Path, "EURUSD", bar, Ct);
        await Arrived(grains, bar);
    }

    [Fact]
    public async Task An_idle_agent_opens_the_file_not_once_until_it_is_written()
    {
        _file.WriteHistory(1, "EURUSD");
        await using var db = await Database();
        // Polling every 50 ms would open the file 2 × 15 times per poll; notifications need no poll.
        await using var silo = Silo(db, fallback: Never, poll: "00:00:00.050", extra: new() { ["Ingest:IntegrityCheckInterval"] = "00:00:00" });
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        using var counted = new IngestCounters(silo.Services.GetRequiredService<IngestMetrics>(), _file.Path);
        await Idle(grains);
        // The catch-up's own reads may come before the listener above exists; the write below must be counted.
        var readsBefore = counted.Reads;
        await using (var opens = FileOpenCounter.Start(_file.Path))
        {
            await Task.Delay(TimeSpan.FromSeconds(3), Ct);
            Assert.Equal(0, await opens.StopAsync(Ct));
        }

        Assert.Equal(readsBefore, counted.Reads);
        var bar = await NextM5(grains);
        await ForeignWriter.InsertAsync(_file.Path, "EURUSD", bar, Ct);
        await Arrived(grains, bar);
        Assert.True(counted.Reads > readsBefore, "the write was read, as the agent's metric counts it");
        Assert.True(counted.Wakeups("notification") > 0, "woken by the notification");
    }

    [Fact]
    public async Task A_file_restored_in_place_is_read_again_at_once()
    {
        var backup = new TempCollectorFile();
        try
        {
            await using var db = await Database();
            await using var writer = new LiveCollectorWriter(_file.Path, "EURUSD");
            await using var silo = Silo(db, fallback: Never, poll: Never);
            var grains = silo.Services.GetRequiredService<IGrainFactory>();
            await CaughtUp(grains, TimeSpan.FromSeconds(120));

            // The terminal stops; a backup is restored in place (-wal/-shm removed, the backup copied over the file, as cp
            // does); the terminal writes again from its own process.
            await writer.StopAsync();
            await CaughtUp(grains, Bound);
            using (var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = $"VACUUM INTO '{backup.Path}'";
                command.ExecuteNonQuery();
            }

            File.Delete(_file.Path + "-wal");
            File.Delete(_file.Path + "-shm");
            using (var source = File.OpenRead(backup.Path))
            using (var target = new FileStream(_file.Path, FileMode.Truncate, FileAccess.Write))
            {
                source.CopyTo(target);
            }

            var bar = await NextM5(grains);
            await ForeignWriter.InsertAsync(_file.Path, "EURUSD", bar, Ct);
            await Arrived(grains, bar);

            // And replaced by a rename (a new file moved over it): read again, and the next write too.
            File.Copy(_file.Path, backup.Path, overwrite: true);
            File.Move(backup.Path, _file.Path, overwrite: true);
            var next = await NextM5(grains);
            await ForeignWriter.InsertAsync(_file.Path, "EURUSD", next, Ct);
            await Arrived(grains, next);
        }
        finally
        {
            backup.Dispose();
        }
    }

    [Fact]
    public async Task A_write_no_notification_reports_is_picked_up_by_the_fallback_poll()
    {
        _file.WriteHistory(1, "EURUSD");
        await using var db = await Database();
        await using var silo = Silo(db, fallback: "00:00:01", poll: Never);
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        await Idle(grains);

        // A writer that reaches the file by another path (a hard link in another folder): the watched folder hears
        // nothing, as with a network share written from another host. SQLite's WAL is then beside the link, and the
        // writer's close checkpoints the row into the file itself.
        Directory.CreateDirectory(_elsewhere);
        var link = Path.Combine(_elsewhere, "collector.db");
        await Run("ln", _file.Path, link);
        var bar = await NextM5(grains);
        await ForeignWriter.InsertAsync(link, "EURUSD", bar, Ct);
        await Arrived(grains, bar);
    }

    private SiloFactory Silo(SchemaDatabase db, string fallback, string poll, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = db.ConnectionString,
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Ingest:SqlitePaths:0"] = _file.Path,
            ["Ingest:FallbackPollInterval"] = fallback,
            ["Ingest:PollInterval"] = poll,
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var silo = new SiloFactory(settings);
        silo.CreateClient().Dispose(); // starts the host
        return silo;
    }

    private static async Task<SchemaDatabase> Database()
    {
        var db = new SchemaDatabase();
        await db.InitializeAsync();
        return db;
    }

    /// <summary>Caught up with the file, and a moment later: the pass after the last batch found nothing and the loops wait.</summary>
    private async Task Idle(IGrainFactory grains)
    {
        await CaughtUp(grains, TimeSpan.FromSeconds(120));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
    }

    private async Task CaughtUp(IGrainFactory grains, TimeSpan bound)
    {
        var newest = NewestSeq();
        await Eventually.UntilAsync($"EURUSD ingested up to seq {newest}",
            async () => await grains.GetGrain<ISymbolGrain>("EURUSD").GetCursor(Path.GetFullPath(_file.Path)) >= newest,
            bound, TimeSpan.FromMilliseconds(50), cancellationToken: Ct);
    }

    private long NewestSeq()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _file.Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM EURUSD";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>An M5 bar after the grain's newest, with prices of its own.</summary>
    private static async Task<BarRecord> NextM5(IGrainFactory grains)
    {
        var last = await grains.GetGrain<ITimeframeGrain>(new Pair("EURUSD", Timeframe.M5).Key).GetBars(1);
        return new BarRecord(Timeframe.M5, last.Time[^1] + 300, 1.23456, 1.2349, 1.2341, 1.23471, IndicatorValues.None, 0, 0);
    }

    private static async Task Arrived(IGrainFactory grains, BarRecord bar)
    {
        var m5 = grains.GetGrain<ITimeframeGrain>(new Pair("EURUSD", Timeframe.M5).Key);
        var latest = await Eventually.UntilAsync($"the M5 bar of {bar.Time} in the grain", async () => await m5.GetBars(1),
            bars => bars.Time.Length == 1 && bars.Time[^1] == bar.Time, Bound, TimeSpan.FromMilliseconds(20), Ct);
        Assert.Equal(bar.Close, latest.Close[^1]);
    }

    private static async Task Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"{program}: {error}");
    }

    public void Dispose()
    {
        _file.Dispose();
        if (Directory.Exists(_elsewhere))
        {
            Directory.Delete(_elsewhere, recursive: true);
        }
    }

    /// <summary>The agent's reads and wake-ups of one file, as its meter counts them.</summary>
    private sealed class IngestCounters : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

        public IngestCounters(IngestMetrics metrics, string path)
        {
            var file = Path.GetFileName(path);
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument == metrics.Reads || instrument == metrics.Wakeups)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                string? of = null, cause = null;
                foreach (var tag in tags)
                {
                    of = tag.Key == "file" ? tag.Value as string : of;
                    cause = tag.Key == "cause" ? tag.Value as string : cause;
                }

                if (of == file)
                {
                    _counts.AddOrUpdate(instrument == metrics.Reads ? "reads" : $"wakeups:{cause}", value, (_, old) => old + value);
                }
            });
            _listener.Start();
        }

        public long Reads => _counts.GetValueOrDefault("reads");

        public long Wakeups(string cause) => _counts.GetValueOrDefault($"wakeups:{cause}");

        public void Dispose() => _listener.Dispose();
    }
}
