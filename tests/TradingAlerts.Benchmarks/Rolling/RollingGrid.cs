using Microsoft.Data.Sqlite;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.Benchmarks.Rolling;

/// <summary>
/// The deployment the rolling benchmark runs on, as an operator would: PostgreSQL, built silo processes in cluster mode
/// behind Debian's HAProxy with the repository's deploy/haproxy.cfg (four loopback server slots, the fourth empty until
/// the scale-out, as the Docker DNS template leaves slots empty), the collector agent as its own process tailing a file
/// a synthetic terminal keeps writing (all 15 symbols). Every line a silo prints is charged to the current phase.
/// </summary>
internal sealed class RollingGrid : IAsyncDisposable
{
    public const int Slots = 4;
    public static readonly TimeSpan Startup = TimeSpan.FromSeconds(240);
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(180);

    private readonly ThrowawayDatabase _db;
    private readonly string[] _settings;
    private readonly Func<PhaseStats> _phase;
    private readonly string _clusterId = $"rolling-{Guid.NewGuid():N}";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ta-rolling-{Guid.NewGuid():N}.db");
    private readonly CancellationTokenSource _feedStop = new();
    private readonly List<SiloProcess> _all = [];
    private readonly SiloProcess?[] _slots = new SiloProcess?[Slots];
    private Task _feed = Task.CompletedTask;
    private readonly string? _logs;
    private readonly List<StreamWriter> _writers = [];
    private ChildProcess? _agent;

    /// <param name="logs">A folder for every process's full output ({name}.log); none kept when null.</param>
    public RollingGrid(ThrowawayDatabase db, TimeSpan drainDelay, string? logs, Func<PhaseStats> phase)
    {
        _db = db;
        _phase = phase;
        _logs = logs;
        if (logs is not null)
        {
            Directory.CreateDirectory(logs);
        }

        // Drain as deployed (Development, which the dev tokens need, sets Drain:Delay 0); heartbeats every second so a
        // stalled stream is told from a quiet one.
        _settings = [$"--Drain:Delay={drainDelay:c}", "--Live:HeartbeatInterval=00:00:01"];
        Ports = [.. Enumerable.Range(0, Slots).Select(_ => TestEnvironment.FreePort())];
    }

    public int[] Ports { get; }

    public LoopbackHaProxy HaProxy { get; private set; } = null!;

    public SiloProcess? this[int slot] => _slots[slot];

    /// <summary>The feed (history of <paramref name="historyDays"/>, then live), three silos, the agent, HAProxy; returns once PostgreSQL holds every pair and the three are UP.</summary>
    public async Task StartAsync(int historyDays, TextWriter output, CancellationToken ct)
    {
        var (end, live) = LiveCollectorFeed.Start(_file, Symbols.All, historyDays, live: true, _feedStop.Token);
        _feed = live;
        output.WriteLine($"feed: {historyDays} days of history of all {Pair.All.Count} pairs to {DateTimeOffset.FromUnixTimeSeconds(end):yyyy-MM-dd}, then live cycles every 200 ms");
        for (var slot = 0; slot < 3; slot++)
        {
            Start(slot, folder: null);
        }

        await Task.WhenAll(_slots.Take(3).Select(s => s!.WaitReadyAsync(Startup, cancellationToken: ct)));
        _agent = ChildProcess.Start("agent", "TradingAlerts.Collector",
            ["agent", "--sqlite", _file, "--postgres", _db.ConnectionString, "--cluster-id", _clusterId],
            new Dictionary<string, string> { ["Ingest__BatchSize"] = "200", ["Client__GatewayListRefreshPeriod"] = "00:00:02" }, Log("agent"));
        await WaitFor("every pair's history in PostgreSQL", async () =>
        {
            foreach (var pair in Pair.All)
            {
                if (await _db.ScalarAsync<long>($"SELECT count(*) FROM {pair.TableName}") < 2)
                {
                    return false;
                }
            }

            return true;
        }, ct);
        HaProxy = LoopbackHaProxy.Start(Ports);
        await WaitRotationAsync(ct);
    }

    /// <summary>A new silo process in <paramref name="slot"/> (its port); from <paramref name="folder"/> (another build) when given.</summary>
    public SiloProcess Start(int slot, string? folder)
    {
        var name = $"{LoopbackHaProxy.ServerName(slot)}-{_all.Count(s => s.Name.StartsWith(LoopbackHaProxy.ServerName(slot) + "-", StringComparison.Ordinal)) + 1}";
        var silo = SiloProcess.Start(name, new SiloProcessOptions
        {
            Postgres = _db.ConnectionString,
            ClusterId = _clusterId,
            Demo = false,
            RateLimits = false,
            HttpPort = Ports[slot],
            Arguments = _settings,
            OutputFolder = folder,
            OnLine = Log(name, line => _phase().Line(line)),
        });
        _all.Add(silo);
        _slots[slot] = silo;
        return silo;
    }

    /// <summary>SIGTERM to the silo in <paramref name="slot"/> and its exit code; the slot is empty afterwards.</summary>
    public async Task<int> StopAsync(int slot, CancellationToken ct)
    {
        var silo = _slots[slot] ?? throw new InvalidOperationException($"slot {slot} is empty");
        _slots[slot] = null;
        return await silo.StopAsync(Bound, ct);
    }

    /// <summary>SIGKILL to the silo in <paramref name="slot"/>; the slot is empty afterwards.</summary>
    public void Kill(int slot)
    {
        _slots[slot]!.Kill();
        _slots[slot] = null;
    }

    /// <summary>Starts a silo in <paramref name="slot"/> and waits until it is ready and in HAProxy's rotation.</summary>
    public async Task StartReadyAsync(int slot, string? folder, CancellationToken ct)
    {
        await Start(slot, folder).WaitReadyAsync(Startup, cancellationToken: ct);
        await WaitRotationAsync(ct);
    }

    /// <summary>Waits until HAProxy's checks agree with the slots: a running silo UP, an empty slot DOWN.</summary>
    public Task WaitRotationAsync(CancellationToken ct) => WaitFor("HAProxy's rotation to match the running silos", async () =>
    {
        if (HaProxy.HasExited)
        {
            throw new InvalidOperationException($"haproxy exited{Environment.NewLine}{HaProxy.Tail()}");
        }

        var states = await HaProxy.ServerStatesAsync(ct);
        return states.Count == Slots && Enumerable.Range(0, Slots).All(slot =>
            states.GetValueOrDefault(LoopbackHaProxy.ServerName(slot)) == (_slots[slot] is null ? "DOWN" : "UP"));
    }, ct);

    /// <summary>Ends the live feed (the file keeps what it wrote).</summary>
    public async Task StopFeedAsync()
    {
        await _feedStop.CancelAsync();
        await _feed;
    }

    public string Tails() => string.Join(Environment.NewLine,
        [.. _all.Where(s => !s.HasExited).Select(s => s.Tail(20)), _agent?.Tail(20) ?? string.Empty, HaProxy?.Tail(20) ?? string.Empty]);

    /// <summary>Writes each line to {logs}/{name}.log (when keeping logs), then hands it to <paramref name="next"/>.</summary>
    private Action<string>? Log(string name, Action<string>? next = null)
    {
        if (_logs is null)
        {
            return next;
        }

        var file = new StreamWriter(Path.Combine(_logs, name + ".log"), append: true) { AutoFlush = true };
        _writers.Add(file);
        return line =>
        {
            lock (file)
            {
                try
                {
                    file.WriteLine(line);
                }
                catch (ObjectDisposedException)
                {
                }
            }

            next?.Invoke(line);
        };
    }

    private Task WaitFor(string what, Func<Task<bool>> condition, CancellationToken ct) =>
        Eventually.UntilAsync(what, condition, Bound, TimeSpan.FromMilliseconds(250), () => Task.FromResult(Tails()), ct);

    public async ValueTask DisposeAsync()
    {
        await _feedStop.CancelAsync();
        _agent?.Dispose();
        foreach (var silo in _all)
        {
            silo.Dispose();
        }

        HaProxy?.Dispose();
        foreach (var writer in _writers)
        {
            lock (writer)
            {
                writer.Dispose(); // late lines of a killed process are dropped (below)
            }
        }

        try
        {
            await _feed;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SqliteException)
        {
        }

        _feedStop.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm", _file + CollectorQuarantine.Suffix }.Where(File.Exists))
        {
            File.Delete(f);
        }
    }
}
