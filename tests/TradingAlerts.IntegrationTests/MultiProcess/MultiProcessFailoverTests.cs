using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Feeds;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.IntegrationTests.MultiProcess;

/// <summary>
/// The production shape in processes: three built silos (ADO.NET clustering on PostgreSQL), the collector agent
/// (TradingAlerts.Collector agent) tailing a collector file that a synthetic feed keeps writing, and the alert
/// engine as an external client. One silo is killed with SIGKILL during ingest: every collector row still lands
/// in PostgreSQL exactly once, every pair is served again within 30 s, the alert engine keeps receiving updates, and
/// every symbol's confluence equals a recomputation from PostgreSQL.
/// </summary>
public sealed partial class MultiProcessFailoverTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>, IAsyncDisposable
{
    private static readonly string[] TestSymbols = ["AUDUSD", "GBPJPY", "ETHUSD"];
    private static readonly Pair[] TestPairs = [.. TestSymbols.SelectMany(s => Timeframes.All.Select(tf => new Pair(s, tf)))];
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ServedAgainWithin = TimeSpan.FromSeconds(30);

    private readonly TempCollectorFile _file = new();
    private readonly List<ChildProcess> _processes = [];
    private readonly List<SiloProcess> _silos = [];
    private readonly CancellationTokenSource _feedStop = new();
    private readonly Lock _reportLock = new();
    private Dictionary<string, long> _engineBars = new(StringComparer.Ordinal);
    private long _engineConfluence;
    private Task _feed = Task.CompletedTask;
    private ChildProcess? _killed;

    [Fact]
    public async Task Killing_a_silo_process_during_ingest_loses_nothing_and_the_alert_engine_keeps_receiving()
    {
        var ct = TestContext.Current.CancellationToken;
        var clusterId = $"multiprocess-{Guid.NewGuid():N}";
        StartFeed(historyDays: 3);

        var silos = Enumerable.Range(1, 3).Select(i => StartSilo(i, clusterId)).ToArray();
        await Task.WhenAll(silos.Select(s => WaitReady(s, ct)));

        Start(ChildProcess.Start("agent", "TradingAlerts.Collector",
            ["agent", "--sqlite", _file.Path, "--postgres", db.ConnectionString, "--cluster-id", clusterId],
            new Dictionary<string, string> { ["Ingest__BatchSize"] = "100", ["Client__GatewayListRefreshPeriod"] = "00:00:02" }));
        Start(ChildProcess.Start("alert-engine", "TradingAlerts.AlertEngine",
        [
            $"--ConnectionStrings:Postgres={db.ConnectionString}", $"--Orleans:ClusterId={clusterId}",
            .. TestSymbols.Select((s, i) => $"--Alerts:Symbols:{i}={s}"),
            "--Alerts:Timeframes:0=M5", "--Alerts:Timeframes:1=M15", "--Alerts:Timeframes:2=H1",
            "--Alerts:ReportInterval=00:00:01", "--Client:RenewInterval=00:00:02", "--Client:GatewayListRefreshPeriod=00:00:02",
        ], onLine: OnEngineLine));

        // Ingest is under way, every pair holds bars and the engine hears every symbol: now lose a silo without any
        // shutdown. What PostgreSQL holds at this point is the least each pair must serve again (written through first).
        var before = new Dictionary<Pair, long>();
        await WaitFor("every pair to hold bars and engine updates for every symbol", async () =>
        {
            before = await NewestStored();
            return before.Values.All(t => t > 0) && EngineBars().Count == TestSymbols.Length;
        }, ct);
        // The victim must hold pairs, or nothing would be handed over: the silo with the most TimeframeGrains (ties: the one with
        // more ConfluenceGrains, so the confluence check below covers a rebuild).
        var hosted = new Dictionary<SiloProcess, (int Confluence, int Timeframe)>();
        foreach (var silo in silos)
        {
            hosted[silo] = (await silo.GrainsAsync("confluence", ct), await silo.GrainsAsync("timeframe", ct));
        }

        var victim = silos.OrderByDescending(s => hosted[s].Timeframe).ThenByDescending(s => hosted[s].Confluence).First();
        var held = string.Join(", ", silos.Select(s => $"{s.Name}: {hosted[s].Timeframe} timeframe, {hosted[s].Confluence} confluence grains"));
        Assert.True(hosted[victim].Timeframe > 0, $"the silo to kill holds no TimeframeGrain: {held}");
        _killed = victim.Process;
        TestContext.Current.TestOutputHelper?.WriteLine($"killing {victim.Name} ({held}), which logged: {string.Join("; ", victim.Matching("timeframe signals rebuilt"))}");
        var killedAt = TimeProvider.System.GetTimestamp();
        victim.Kill();
        Assert.True(victim.HasExited);

        // Every pair is served again by the surviving silos, with at least the bars it held (grains that lived on the
        // lost silo re-activate from PostgreSQL).
        var survivors = silos.Where(s => s != victim).ToArray();
        var served = await WaitAllServed(survivors, before, killedAt, ct);
        var report = string.Join(", ", served.OrderBy(p => p.Value ?? TimeSpan.MaxValue).Select(p =>
            string.Create(CultureInfo.InvariantCulture, $"{p.Key.Key} {(p.Value is { } t ? $"{t.TotalSeconds:0.0} s" : "never")}")));
        var unserved = served.Where(p => p.Value is null).Select(p => p.Key.Key).ToList();
        Assert.True(unserved.Count == 0, $"not served again within {Bounded}: {string.Join(", ", unserved)}{Environment.NewLine}{Membership(survivors)}{Environment.NewLine}{Tails()}");
        var recovery = served.Values.Max()!.Value;
        Assert.True(recovery <= ServedAgainWithin,
            $"every pair was served again only after {recovery.TotalSeconds:0.0} s: {report}{Environment.NewLine}{Membership(survivors)}");
        TestContext.Current.TestOutputHelper?.WriteLine($"{TestPairs.Length} pairs served again {recovery.TotalSeconds:0.0} s after the kill: {report}");
        TestContext.Current.TestOutputHelper?.WriteLine(Membership(survivors));

        // The alert engine (an external client) keeps receiving bar updates of every symbol after the loss.
        var atRecovery = EngineBars();
        await WaitFor("engine bar updates of every symbol after the loss", () =>
            Task.FromResult(TestSymbols.All(s => EngineBars().GetValueOrDefault(s) > atRecovery[s])), ct);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"the alert engine had updates of every symbol again {TimeProvider.System.GetElapsedTime(killedAt).TotalSeconds:0.0} s after the kill"));
        Assert.True(Interlocked.Read(ref _engineConfluence) > 0, "the engine received no confluence update");

        // Every row of the collector file is in PostgreSQL exactly once, with its latest values.
        await _feedStop.CancelAsync();
        await _feed;
        await WaitFor("PostgreSQL to hold every collector row", async () => (await Differences()).Count == 0, ct);
        await CollectorParity.AssertEqualAsync(db, _file.Path, TestSymbols);

        await AssertConfluenceEqualsRecomputation(survivors, before, ct);

        Assert.All(_processes.Where(p => p != victim.Process), p => Assert.False(p.HasExited, p.Tail()));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{await db.ScalarAsync<long>(TempCollectorFile.CountSql(TestSymbols))} rows in PostgreSQL match the collector file; engine bar updates {string.Join(", ", atRecovery.Select(s => $"{s.Key} {s.Value}->{EngineBars()[s.Key]}"))} across the loss");
    }

    private void StartFeed(int historyDays) =>
        _feed = LiveCollectorFeed.Start(_file.Path, TestSymbols, historyDays, live: true, _feedStop.Token).Live;

    private SiloProcess StartSilo(int index, string clusterId)
    {
        var silo = SiloProcess.Start($"silo{index}", new SiloProcessOptions
        {
            Postgres = db.ConnectionString,
            ClusterId = clusterId,
            Demo = false,
            RateLimits = false,
            // The health details on the admin port count the activations: the victim must have held grains.
            AdminPort = true,
            // Suspicions, votes and death declarations, for the failure message.
            Variables = new Dictionary<string, string> { ["Logging__LogLevel__Orleans.Runtime.MembershipService"] = "Information" },
        });
        _silos.Add(silo);
        Start(silo.Process);
        return silo;
    }

    private ChildProcess Start(ChildProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private static async Task WaitReady(SiloProcess silo, CancellationToken ct)
    {
        await silo.WaitReadyAsync(Startup, cancellationToken: ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Startup);
        await silo.AuthorizeAsync(cancellationToken: timeout.Token);
    }

    /// <summary>Per pair, the newest bar time PostgreSQL holds (unix seconds; 0 when it holds none).</summary>
    private async Task<Dictionary<Pair, long>> NewestStored()
    {
        var newest = new Dictionary<Pair, long>();
        foreach (var pair in TestPairs)
        {
            newest[pair] = await db.ScalarAsync<long>($"SELECT coalesce(extract(epoch FROM max(timestamp))::bigint, 0) FROM {pair.TableName}");
        }

        return newest;
    }

    /// <summary>
    /// Asks the survivors for every pending pair at once, every 200 ms, until each serves at least its newest bar of
    /// before the kill, or the bounded wait ends. Requests run concurrently with a short timeout so a call stuck on
    /// the lost silo does not delay the others: the time recorded for a pair is when it was first served again.
    /// </summary>
    private static async Task<Dictionary<Pair, TimeSpan?>> WaitAllServed(SiloProcess[] survivors, Dictionary<Pair, long> before, long killedAt, CancellationToken ct)
    {
        var served = TestPairs.ToDictionary(p => p, _ => (TimeSpan?)null);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Bounded);
        var round = 0;
        while (served.Values.Any(t => t is null) && !timeout.IsCancellationRequested)
        {
            var pending = served.Where(p => p.Value is null).Select(p => p.Key).ToArray();
            var answers = await Task.WhenAll(pending.Select((pair, i) => IsServed(survivors[(round + i) % survivors.Length], pair, before[pair], timeout.Token)));
            round++;
            for (var i = 0; i < pending.Length; i++)
            {
                if (answers[i] is { } at)
                {
                    served[pending[i]] = TimeProvider.System.GetElapsedTime(killedAt, at);
                }
            }

            if (served.Values.Any(t => t is null))
            {
                await Task.Delay(200, CancellationToken.None);
            }
        }

        return served;
    }

    /// <summary>
    /// The timestamp of a 200 answer whose newest bar is at least <paramref name="newest"/>, or null (older bars,
    /// error, refusal, or no answer within 3 s).
    /// </summary>
    private static async Task<long?> IsServed(SiloProcess silo, Pair pair, long newest, CancellationToken ct)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            using var response = await silo.Http.GetAsync(new Uri($"/api/indicators/{pair.Symbol}/{pair.Timeframe.Name()}?limit=10", UriKind.Relative), attempt.Token);
            var at = TimeProvider.System.GetTimestamp();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(attempt.Token));
            var ohlc = body.RootElement.GetProperty("data").GetProperty("ohlc");
            var length = ohlc.GetArrayLength();
            return length > 0 && ohlc[length - 1].GetProperty("time").GetInt64() >= newest ? at : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            // a call into the lost silo, until the cluster declares it dead
            return null;
        }
    }

    /// <summary>Per pair: bars of the collector file missing from PostgreSQL, extra, or stored with other values.</summary>
    private Task<List<string>> Differences() => CollectorParity.DifferencesAsync(db, _file.Path, TestSymbols);

    /// <summary>
    /// Every symbol's confluence, asked of each survivor, equals a recomputation from the rows PostgreSQL holds (waits,
    /// bounded, for the last one-way pushes of the ingest), now and at the newest M5 bar time of before the kill. A
    /// ConfluenceGrain that lived on the killed silo is back from its rebuild on reactivation (timeframes whose signal
    /// did not change since do not push it again), and its new activation never saw that past time.
    /// </summary>
    private async Task AssertConfluenceEqualsRecomputation(SiloProcess[] survivors, Dictionary<Pair, long> beforeKill, CancellationToken ct)
    {
        var differences = await Eventually.LastAsync(() => ConfluenceDifferences(survivors, ct), d => d.Count == 0, ServedAgainWithin, TimeSpan.FromMilliseconds(500), ct);

        Assert.True(differences.Count == 0, $"confluence differs from the PostgreSQL rows after {ServedAgainWithin}:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");

        foreach (var symbol in TestSymbols)
        {
            var at = beforeKill[new Pair(symbol, Timeframe.M5)];
            differences.AddRange(await ConfluenceDifferences(survivors, symbol, at, ct));
        }

        Assert.True(differences.Count == 0, $"confluence at a time before the kill differs from the PostgreSQL rows:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");
    }

    private async Task<List<string>> ConfluenceDifferences(SiloProcess[] survivors, CancellationToken ct)
    {
        var differences = new List<string>();
        foreach (var symbol in TestSymbols)
        {
            differences.AddRange(await ConfluenceDifferences(survivors, symbol, null, ct));
        }

        return differences;
    }

    /// <summary>Where each survivor's confluence of <paramref name="symbol"/> (now, or at <paramref name="at"/>) differs from a recomputation from PostgreSQL.</summary>
    private async Task<List<string>> ConfluenceDifferences(SiloProcess[] survivors, string symbol, long? at, CancellationToken ct)
    {
        var differences = new List<string>();
        var query = at is { } t ? string.Create(CultureInfo.InvariantCulture, $"?timestamp={DateTimeOffset.FromUnixTimeSeconds(t):yyyy-MM-ddTHH:mm:ssZ}") : string.Empty;
        var expected = await ConfluenceRecomputation.FromPostgresAsync(db.DataSource, symbol, at);
        foreach (var silo in survivors)
        {
            using var response = await silo.Http.GetAsync(new Uri($"/api/confluence/{symbol}{query}", UriKind.Relative), ct);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            differences.AddRange(response.StatusCode == HttpStatusCode.OK
                ? ConfluenceRecomputation.Differences(expected, body.RootElement).Select(d => $"{silo.Name}{query}: {d}")
                : [$"{silo.Name}: {symbol}{query} answered {(int)response.StatusCode}"]);
        }

        return differences;
    }

    /// <summary>Bounded wait that fails at once when a process other than the killed one exits, and on timeout shows the differences (for PostgreSQL) and the processes' output.</summary>
    private Task WaitFor(string what, Func<Task<bool>> condition, CancellationToken ct) =>
        Eventually.UntilAsync(what, async () =>
        {
            Assert.All(_processes.Where(p => p != _killed), p => Assert.False(p.HasExited, p.Tail()));
            return await condition();
        }, Bounded, TimeSpan.FromMilliseconds(500), async () =>
        {
            var detail = what.StartsWith("PostgreSQL", StringComparison.Ordinal) ? string.Join(Environment.NewLine, await Differences()) : string.Empty;
            return $"{detail}{Environment.NewLine}{Tails()}";
        }, ct);

    /// <summary>Parses the engine's counter line: "updates: bars=N confluence=M alerts=A subscribed=S per_symbol=AUDUSD:5,…".</summary>
    private void OnEngineLine(string line)
    {
        var match = ReportLine().Match(line);
        if (!match.Success)
        {
            return;
        }

        var perSymbol = match.Groups["per"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(':'))
            .ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        lock (_reportLock)
        {
            _engineBars = perSymbol;
        }

        Interlocked.Exchange(ref _engineConfluence, long.Parse(match.Groups["confluence"].Value, CultureInfo.InvariantCulture));
    }

    private Dictionary<string, long> EngineBars()
    {
        lock (_reportLock)
        {
            return new Dictionary<string, long>(_engineBars, StringComparer.Ordinal);
        }
    }

    /// <summary>What the survivors logged about the cluster's membership, to tell detection time from reactivation time.</summary>
    private static string Membership(SiloProcess[] survivors) => string.Join(Environment.NewLine, survivors.SelectMany(s =>
        s.Matching("Did not get response for probe", "Indirect probe", "Evicting", "suspect", "vote", "Recusing", "stall").Select(line => $"{s.Name}: {line}")));

    private string Tails() => string.Join(Environment.NewLine, _processes.Select(p => p.Tail(25)));

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
        _file.Dispose();
    }

    [GeneratedRegex(@"updates: bars=(?<bars>\d+) confluence=(?<confluence>\d+) alerts=\d+ subscribed=\d+ per_symbol=(?<per>\S*)")]
    private static partial Regex ReportLine();

}
