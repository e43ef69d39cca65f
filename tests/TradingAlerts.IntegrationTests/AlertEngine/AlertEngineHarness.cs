using System.Globalization;
using Microsoft.Data.Sqlite;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.Feeds;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.AlertEngine;

/// <summary>
/// The alert engine in the production shape, all as processes: built silos on a fresh PostgreSQL (ADO.NET clustering),
/// the collector agent tailing a collector file that a synthetic feed writes (history, then live bars), the engine as
/// an Orleans client with its outbox in the same database, and a webhook receiver inside the test.
/// </summary>
public sealed class AlertEngineHarness : IAsyncDisposable
{
    public const string Secret = "test-webhook-secret-7f3a";
    public static readonly string[] Symbols = ["EURUSD", "GBPUSD", "XAUUSD"];
    public static readonly Timeframe[] Timeframes = [Timeframe.M5, Timeframe.M15, Timeframe.H1];
    public static readonly TimeSpan Startup = TimeSpan.FromSeconds(180);
    public static readonly TimeSpan Bounded = TimeSpan.FromSeconds(240);

    private readonly List<ChildProcess> _processes = [];
    private readonly List<SiloProcess> _silos = [];
    private readonly CancellationTokenSource _feedStop = new();
    private Task _feed = Task.CompletedTask;

    private AlertEngineHarness(SchemaDatabase db, WebhookReceiver receiver)
    {
        Database = db;
        Receiver = receiver;
    }

    public SchemaDatabase Database { get; }

    public TempCollectorFile File { get; } = new();

    public WebhookReceiver Receiver { get; }

    public string ClusterId { get; } = $"alerts-{Guid.NewGuid():N}";

    public static async Task<AlertEngineHarness> StartAsync()
    {
        var db = new SchemaDatabase();
        await db.InitializeAsync();
        return new AlertEngineHarness(db, await WebhookReceiver.StartAsync(Secret));
    }

    /// <summary>A silo process; returns once it answers ready.</summary>
    public async Task<SiloProcess> StartSiloAsync(int index, CancellationToken ct)
    {
        var silo = SiloProcess.Start($"silo{index}", new SiloProcessOptions
        {
            Postgres = Database.ConnectionString,
            ClusterId = ClusterId,
            Demo = false,
            RateLimits = false,
        });
        _silos.Add(silo);
        Start(silo.Process);
        await silo.WaitReadyAsync(Startup, cancellationToken: ct);
        return silo;
    }

    /// <summary>The engine process (closed bars, trendlines and Keltner band 1, confluence off) POSTing to the receiver.</summary>
    public ChildProcess StartEngine(string name, int maxAttempts, int? metricsPort = null, params string[] more) => Start(ChildProcess.Start(name, "TradingAlerts.AlertEngine",
    [
        $"--ConnectionStrings:Postgres={Database.ConnectionString}", $"--Orleans:ClusterId={ClusterId}",
        .. Symbols.Select((s, i) => $"--Alerts:Symbols:{i}={s}"),
        .. Timeframes.Select((tf, i) => $"--Alerts:Timeframes:{i}={tf.Name()}"),
        "--Alerts:ConfluenceThreshold=", "--Alerts:Trendlines=true", "--Alerts:KeltnerBand=1",
        "--Alerts:ReportInterval=00:00:01", "--Client:RenewInterval=00:00:02", "--Client:GatewayListRefreshPeriod=00:00:02",
        $"--Alerts:Webhook:Url={Receiver.Url}", $"--Alerts:Webhook:Secret={Secret}",
        string.Create(CultureInfo.InvariantCulture, $"--Alerts:Webhook:MaxAttempts={maxAttempts}"),
        "--Alerts:Webhook:InitialBackoff=00:00:00.200", "--Alerts:Webhook:MaxBackoff=00:00:02", "--Alerts:Webhook:PollInterval=00:00:00.200",
        .. metricsPort is { } port ? [string.Create(CultureInfo.InvariantCulture, $"--Alerts:MetricsPort={port}")] : Array.Empty<string>(),
        .. more,
    ]));

    /// <summary>Waits until the engine has subscribed (it logs the line once its start positions are kept).</summary>
    public static Task WaitEngineStartedAsync(ChildProcess engine, CancellationToken ct) =>
        Eventually.UntilAsync($"{engine.Name} to start", () =>
        {
            Assert.False(engine.HasExited, engine.Tail());
            return engine.Matching("Alert engine watching").Count > 0;
        }, Startup, TimeSpan.FromMilliseconds(200), () => Task.FromResult(engine.Tail()), ct);

    public ChildProcess StartAgent() => Start(ChildProcess.Start("agent", "TradingAlerts.Collector",
        ["agent", "--sqlite", File.Path, "--postgres", Database.ConnectionString, "--cluster-id", ClusterId],
        new Dictionary<string, string> { ["Ingest__BatchSize"] = "200", ["Client__GatewayListRefreshPeriod"] = "00:00:02" }));

    /// <summary>Writes <paramref name="historyDays"/> of history, then (when <paramref name="live"/>) a live M5 bar a second until <see cref="StopFeedAsync"/>.</summary>
    public void StartFeed(int historyDays, bool live) =>
        _feed = LiveCollectorFeed.Start(File.Path, Symbols, historyDays, live, _feedStop.Token).Live;

    public async Task StopFeedAsync()
    {
        await _feedStop.CancelAsync();
        await _feed;
    }

    /// <summary>Waits until PostgreSQL holds every row of the collector file (the grid has everything the file has).</summary>
    public Task WaitAllIngestedAsync(CancellationToken ct) =>
        Eventually.UntilAsync("PostgreSQL to hold every collector row",
            async () => (await CollectorParity.DifferencesAsync(Database, File.Path, Symbols)).Count == 0,
            Bounded, TimeSpan.FromMilliseconds(500), async () => string.Join(Environment.NewLine, (await CollectorParity.DifferencesAsync(Database, File.Path, Symbols)).Take(20)) + Environment.NewLine + Tails(), ct);

    /// <summary>The alert ids the file's closed bars call for, by the documented rules.</summary>
    public IReadOnlySet<string> Reference() => AlertReference.Compute(File.Path, Symbols, Timeframes, trendlines: true, keltnerBand: 1);

    public Task<long> OutboxCountAsync(string where) => Database.ScalarAsync<long>($"SELECT count(*) FROM alert_outbox WHERE {where}");

    public string Tails() => string.Join(Environment.NewLine, _processes.Select(p => p.Tail(30)));

    private ChildProcess Start(ChildProcess process)
    {
        _processes.Add(process);
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        await _feedStop.CancelAsync();
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        foreach (var silo in _silos)
        {
            silo.Dispose();
        }

        try
        {
            await _feed;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SqliteException)
        {
        }

        _feedStop.Dispose();
        await Receiver.DisposeAsync();
        File.Dispose();
        await Database.DisposeAsync();
    }
}
