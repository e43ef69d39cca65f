using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.Feeds;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.IntegrationTests.Live;
using TradingAlerts.Indicators.Synthetic;

namespace TradingAlerts.IntegrationTests.MultiProcess;

/// <summary>
/// The multiplexed stream across silo loss, in processes: three built silos on PostgreSQL, the collector agent tailing a
/// file a synthetic feed keeps writing (new bars and rewrites of the forming ones), and a plain SSE reader following
/// the 9 timeframes and the confluence of one symbol in one stream. The silo the reader is connected to is SIGKILLed,
/// twice (the first one is started again in between, so two remain); each time the reader reconnects to another
/// silo's port with Last-Event-ID. At the end, what it received applied by position equals GET /api/indicators and
/// the PostgreSQL rows, and every bar written after it began following was delivered at its final values.
/// </summary>
public sealed class StreamFailoverTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>, IAsyncDisposable
{
    private const string Symbol = "AUDUSD";
    private static readonly Pair[] Pairs = [.. Timeframes.All.Select(tf => new Pair(Symbol, tf))];
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(120);

    private readonly TempCollectorFile _file = new();
    private readonly List<ChildProcess> _processes = [];
    private readonly CancellationTokenSource _feedStop = new();
    private readonly List<Silo> _silos = [];
    private readonly List<Silo> _allSilos = [];
    private readonly Lock _silosLock = new();
    private Task _feed = Task.CompletedTask;
    private string _clusterId = string.Empty;

    [Fact]
    public async Task A_reader_of_the_multiplexed_stream_misses_nothing_across_two_silo_kills()
    {
        var ct = TestContext.Current.CancellationToken;
        _clusterId = $"stream-failover-{Guid.NewGuid():N}";
        var start = StartFeed(historyDays: 2);
        var silos = Enumerable.Range(1, 3).Select(StartSilo).ToArray();
        await Task.WhenAll(silos.Select(s => WaitReady(s, ct)));
        Start(ChildProcess.Start("agent", "TradingAlerts.Collector",
            ["agent", "--sqlite", _file.Path, "--postgres", db.ConnectionString, "--cluster-id", _clusterId],
            new Dictionary<string, string> { ["Ingest__BatchSize"] = "200", ["Client__GatewayListRefreshPeriod"] = "00:00:02" }));
        await WaitFor("the history to reach PostgreSQL", async () =>
            await db.ScalarAsync<long>($"SELECT count(*) FROM {new Pair(Symbol, Timeframe.D1).TableName}") >= 2, ct);

        // The reader connects to the first silo first: the one holding most of the symbol's grains, so the first kill
        // loses grains as well as the connection (ingest places a symbol's grains together, and not on any given silo).
        var hosted = new Dictionary<Silo, int>();
        foreach (var silo in silos)
        {
            hosted[silo] = await HostedAsync(silo, ct);
        }

        lock (_silosLock)
        {
            _silos.Sort((a, b) => hosted[b].CompareTo(hosted[a]));
        }

        var mirror = new SseMirror();
        var url = $"/api/stream?pairs={string.Join(',', Pairs.Select(p => p.Key))}&confluence={Symbol}";
        await using var follower = new SseFollower(mirror, url, Targets);
        await WaitFor("the first event of every pair and the confluence", () =>
            Task.FromResult(Pairs.All(p => mirror.Seen(p.Key) >= 0) && mirror.Confluence(Symbol) is not null), ct);

        // The first victim's hosted client (its live topics' observers): lines about it on the survivors, counted from
        // the second kill on, when Orleans has long declared it dead and no message to it can still be in flight.
        string? firstVictimClient = null;
        var linesAtSecondKill = new Dictionary<Silo, int>();
        for (var kill = 1; kill <= 2; kill++)
        {
            // Let bars flow on this connection, then lose the silo it is read from without any shutdown.
            var events = mirror.Events;
            await WaitFor($"events before kill {kill}", () => Task.FromResult(mirror.Events > events + 20 && follower.Connected is not null), ct);
            var victim = Alive().Single(s => s.Name == follower.Connected);
            var held = await HostedAsync(victim, ct);
            TestContext.Current.TestOutputHelper?.WriteLine($"kill {kill}: {victim.Name}, holding {held} of {Symbol}'s timeframe and confluence grains, after {mirror.Events} events");
            if (kill == 1)
            {
                Assert.True(held > 0, $"the reader's silo {victim.Name} holds none of {Symbol}'s grains: {string.Join(", ", hosted.Select(h => $"{h.Key.Name} {h.Value}"))}");
            }

            if (kill == 1)
            {
                firstVictimClient = $"hosted-127.0.0.1:{victim.Process.SiloPort}@";
            }
            else
            {
                foreach (var survivor in Alive().Where(s => s != victim))
                {
                    linesAtSecondKill[survivor] = survivor.Process.Matching(firstVictimClient!).Count;
                }
            }

            victim.Process.Kill();
            lock (_silosLock)
            {
                _silos.Remove(victim);
            }

            var connections = follower.Connections.Count;
            await WaitFor($"the reader to resume on another silo after kill {kill}", () =>
                Task.FromResult(follower.Connections.Count > connections && follower.Connected is { } now && now != victim.Name), ct);
            if (kill == 1)
            {
                var replacement = StartSilo(4);
                await WaitReady(replacement, ct);
            }
        }

        // More bars on the last connection, then the feed stops and everything settles.
        var resumed = mirror.Events;
        await WaitFor("events after the second resume", () => Task.FromResult(mirror.Events > resumed + 20), ct);
        await _feedStop.CancelAsync();
        await _feed;
        await CollectorParity.WaitForEqualAsync(db, _file.Path, [Symbol], Bounded);

        var differences = await Eventually.LastAsync(() => Differences(mirror, ct), d => d.Count == 0, Bounded, TimeSpan.FromMilliseconds(500), ct);
        Assert.True(differences.Count == 0, $"the stream differs from the API / PostgreSQL:{Environment.NewLine}{string.Join(Environment.NewLine, differences.Take(40))}");
        Assert.True(mirror.Breaches.Count == 0, string.Join(Environment.NewLine, mirror.Breaches.Take(40)));
        // PostgreSQL holds every position, so a resume never needs a reset.
        Assert.True(mirror.Resets.Count == 0, $"resets: {string.Join(", ", mirror.Resets)}");
        Assert.True(follower.Connections.Count >= 3, string.Join(", ", follower.Connections));
        Assert.All(follower.Connections.Skip(1), c => Assert.EndsWith("(resumed)", c, StringComparison.Ordinal));

        // Grains drop a dead silo's observers once the membership says so (DeadSiloObservers): no survivor still sends
        // the first victim bar changes, each of which cost a placement retry and "No activation for client" warnings.
        var stillNotified = linesAtSecondKill.Select(l => (Silo: l.Key, Lines: l.Key.Process.Matching(firstVictimClient!))).Where(l => l.Lines.Count > linesAtSecondKill[l.Silo]).ToArray();
        Assert.True(stillNotified.Length == 0, $"survivors still message the dead {firstVictimClient}:{Environment.NewLine}" +
            string.Join(Environment.NewLine, stillNotified.Select(l => $"{l.Silo.Name}: {l.Lines.Count - linesAtSecondKill[l.Silo]} lines, last {l.Lines[^1]}")));

        // The confluence held is the current one.
        var confluence = await GetJson(Alive()[0].Http, $"/api/confluence/{Symbol}", ct);
        await Eventually.UntilAsync("the stream's confluence to be the current one", async () =>
            mirror.Confluence(Symbol) is { } held && JsonElement.DeepEquals(held, confluence = await GetJson(Alive()[0].Http, $"/api/confluence/{Symbol}", ct)),
            Bounded, TimeSpan.FromMilliseconds(500), () => Task.FromResult($"{mirror.Confluence(Symbol)}{Environment.NewLine}{confluence}"), ct);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mirror.Events} events over {string.Join(" → ", follower.Connections)}; feed from {start}"));
    }

    /// <summary>
    /// Per pair: every PostgreSQL row from where following began (the first event's latest bar) was delivered, at its
    /// stored values (own SQL), and what the stream holds equals GET /api/indicators for the same bars; the newest
    /// bar is the only one not closed.
    /// </summary>
    private async Task<List<string>> Differences(SseMirror mirror, CancellationToken ct)
    {
        var differences = new List<string>();
        var from = mirror.FirstLatest;
        var silo = Alive()[0];
        foreach (var pair in Pairs)
        {
            var held = mirror.Bars(pair.Key).ToDictionary(b => b.Time);
            var since = from.GetValueOrDefault(pair.Key);
            var rows = await db.QueryAsync(
                $"SELECT extract(epoch FROM timestamp)::bigint, open, high, low, close FROM {pair.TableName} WHERE timestamp >= to_timestamp({since}) ORDER BY timestamp",
                r => (Time: r.GetInt64(0), Open: r.GetDouble(1), High: r.GetDouble(2), Low: r.GetDouble(3), Close: r.GetDouble(4)));
            foreach (var row in rows)
            {
                if (!held.TryGetValue(row.Time, out var bar))
                {
                    differences.Add($"{pair.Key}: bar {row.Time} stored but never delivered");
                }
                else if ((bar.Open, bar.High, bar.Low, bar.Close) != (row.Open, row.High, row.Low, row.Close))
                {
                    differences.Add($"{pair.Key}: bar {row.Time} delivered as {bar} but stored as {row}");
                }
            }

            var api = await GetJson(silo.Http, $"/api/indicators/{pair.Symbol}/{pair.Timeframe.Name()}?limit=5000", ct);
            var ohlc = api.GetProperty("data").GetProperty("ohlc").EnumerateArray().ToList();
            foreach (var served in ohlc.Where(b => b.GetProperty("time").GetInt64() >= since))
            {
                var time = served.GetProperty("time").GetInt64();
                var values = (served.GetProperty("open").GetDouble(), served.GetProperty("high").GetDouble(), served.GetProperty("low").GetDouble(), served.GetProperty("close").GetDouble());
                if (!held.TryGetValue(time, out var bar) || (bar.Open, bar.High, bar.Low, bar.Close) != values)
                {
                    differences.Add($"{pair.Key}: GET serves bar {time} as {values}, the stream holds {(bar is null ? "nothing" : bar.ToString())}");
                }
            }

            if (held.Count > 0 && ohlc.Count > 0)
            {
                var newest = held.Values.MaxBy(b => b.Time)!;
                if (newest.Time != ohlc[^1].GetProperty("time").GetInt64() || newest.Closed || ohlc[^1].GetProperty("closed").GetBoolean())
                {
                    differences.Add($"{pair.Key}: newest held {newest}, GET's newest {ohlc[^1]}");
                }
            }
        }

        return differences;
    }

    private long StartFeed(int historyDays)
    {
        (var end, _feed) = LiveCollectorFeed.Start(_file.Path, [Symbol], historyDays, live: true, _feedStop.Token);
        return end;
    }

    private IReadOnlyList<StreamTarget> Targets() => [.. Alive().Select(s => new StreamTarget(s.Name, s.Stream))];

    private Silo[] Alive()
    {
        lock (_silosLock)
        {
            return [.. _silos];
        }
    }

    private Silo StartSilo(int index)
    {
        var process = SiloProcess.Start($"silo{index}", new SiloProcessOptions
        {
            Postgres = db.ConnectionString,
            ClusterId = _clusterId,
            Demo = false,
            RateLimits = false,
            // /metrics counts the grains a silo holds: the first silo killed must hold the symbol's.
            AdminPort = true,
            Arguments = ["--Live:HeartbeatInterval=00:00:01"],
        });
        Start(process.Process);
        var silo = new Silo(process, new HttpClient { BaseAddress = process.Http.BaseAddress, Timeout = Timeout.InfiniteTimeSpan });
        lock (_silosLock)
        {
            _silos.Add(silo);
            _allSilos.Add(silo);
        }

        return silo;
    }

    private ChildProcess Start(ChildProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private static async Task WaitReady(Silo silo, CancellationToken ct)
    {
        await silo.Process.WaitReadyAsync(Startup, cancellationToken: ct);
        var token = await silo.Process.AuthorizeAsync(cancellationToken: ct);
        silo.Stream.DefaultRequestHeaders.Authorization = DevToken.Bearer(token);
    }

    /// <summary>Activations of the followed symbol's grains on <paramref name="silo"/> (only its pairs are ingested here).</summary>
    private static async Task<int> HostedAsync(Silo silo, CancellationToken ct) =>
        await silo.Process.GrainsAsync("timeframe", ct) + await silo.Process.GrainsAsync("confluence", ct);

    private static async Task<JsonElement> GetJson(HttpClient http, string url, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(url, UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.Clone();
    }

    private Task WaitFor(string what, Func<Task<bool>> condition, CancellationToken ct) =>
        Eventually.UntilAsync(what, condition, Bounded, TimeSpan.FromMilliseconds(250), () => Task.FromResult(Tails()), ct);

    private string Tails() => string.Join(Environment.NewLine, _processes.Select(p => p.Tail(25)));

    public async ValueTask DisposeAsync()
    {
        await _feedStop.CancelAsync();
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        try
        {
            await _feed;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SqliteException)
        {
        }

        foreach (var silo in _allSilos)
        {
            silo.Process.Dispose();
            silo.Stream.Dispose();
        }

        _feedStop.Dispose();
        _file.Dispose();
    }

    /// <summary>A silo process and a client without timeout for its stream.</summary>
    private sealed record Silo(SiloProcess Process, HttpClient Stream)
    {
        public string Name => Process.Name;

        public HttpClient Http => Process.Http;
    }
}
