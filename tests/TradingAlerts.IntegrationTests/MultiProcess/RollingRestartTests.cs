using System.Collections.Concurrent;
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
/// A graceful rolling restart under load, as an operator runs one: PostgreSQL, three built silos in cluster mode behind
/// Debian's HAProxy with the repository's deploy/haproxy.cfg (loopback servers), the collector agent tailing a file a
/// synthetic feed keeps writing, a bounded read load through HAProxy (indicators, confluence, symbols; PRO and FREE
/// tokens) and SSE followers of the multiplexed stream through HAProxy. Each silo in turn gets SIGTERM, must exit 0, is
/// started again on its port and is back in HAProxy's rotation before the next. No request fails (anything but
/// 2xx/304/429), every sampled body equals PostgreSQL (own SQL), and every follower was told to reconnect and resumed
/// by position on another server without a gap.
/// </summary>
public sealed class RollingRestartTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>, IAsyncDisposable
{
    private static readonly string[] TestSymbols = ["AUDUSD", "EURUSD"];
    private static readonly Pair[] TestPairs = [.. TestSymbols.SelectMany(s => Timeframes.All.Select(tf => new Pair(s, tf)))];
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(120);
    private const int Workers = 4;
    private const int Followers = 3;

    /// <summary>
    /// The drain as deployed (deploy/haproxy.cfg checks every 2 s and takes a server out after 2 failures; Drain:Delay
    /// defaults to 6 s, but Development, which the dev tokens need, sets 0), and the retry at its defaults.
    /// </summary>
    private static readonly string[] SiloSettings = ["--Drain:Delay=00:00:06", "--Live:HeartbeatInterval=00:00:01"];

    private readonly TempCollectorFile _file = new();
    private readonly List<ChildProcess> _processes = [];
    private readonly List<SiloProcess> _allSilos = [];
    private readonly CancellationTokenSource _feedStop = new();
    private readonly CancellationTokenSource _loadStop = new();
    private readonly ConcurrentQueue<string> _failed = new();
    private readonly ConcurrentQueue<(Pair Pair, JsonElement Body)> _samples = new();
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private Task _feed = Task.CompletedTask;
    private LoopbackHaProxy? _haproxy;
    private long _sent;
    private string _clusterId = string.Empty;

    [Fact]
    public async Task A_rolling_restart_of_three_silos_under_load_fails_no_request_and_every_stream_resumes_without_a_gap()
    {
        var ct = TestContext.Current.CancellationToken;
        _clusterId = $"rolling-{Guid.NewGuid():N}";
        StartFeed(historyDays: 2);
        var ports = Enumerable.Range(0, 3).Select(_ => TestEnvironment.FreePort()).ToArray();
        var silos = ports.Select((port, i) => StartSilo(LoopbackHaProxy.ServerName(i), port)).ToArray();
        await Task.WhenAll(silos.Select(s => s.WaitReadyAsync(Startup, cancellationToken: ct)));
        _processes.Add(ChildProcess.Start("agent", "TradingAlerts.Collector",
            ["agent", "--sqlite", _file.Path, "--postgres", db.ConnectionString, "--cluster-id", _clusterId],
            new Dictionary<string, string> { ["Ingest__BatchSize"] = "200", ["Client__GatewayListRefreshPeriod"] = "00:00:02" }));
        await WaitFor("every pair's history in PostgreSQL", async () =>
        {
            foreach (var pair in TestPairs)
            {
                if (await db.ScalarAsync<long>($"SELECT count(*) FROM {pair.TableName}") < 2)
                {
                    return false;
                }
            }

            return true;
        }, ct);

        _haproxy = LoopbackHaProxy.Start(ports);
        await WaitAllUp(ct);
        var pro = await DevToken.GetAsync(silos[0].Http, "PRO", "rolling-pro", ct);
        var free = await DevToken.GetAsync(silos[0].Http, "FREE", "rolling-free", ct);
        using var proxy = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_haproxy.Port}"), Timeout = TimeSpan.FromSeconds(30) };

        var mirrors = Enumerable.Range(0, Followers).Select(_ => new SseMirror()).ToArray();
        var streamClients = mirrors.Select(_ => new HttpClient { BaseAddress = proxy.BaseAddress, Timeout = Timeout.InfiniteTimeSpan }).ToArray();
        foreach (var client in streamClients)
        {
            client.DefaultRequestHeaders.Authorization = DevToken.Bearer(pro);
        }

        var url = $"/api/stream?pairs={string.Join(',', TestPairs.Select(p => p.Key))}&confluence={string.Join(',', TestSymbols)}";
        var followers = mirrors.Select((m, i) => new SseFollower(m, url, () => [new StreamTarget("haproxy", streamClients[i])])).ToArray();
        try
        {
            await WaitFor("every follower's first event of every pair and symbol", () => Task.FromResult(mirrors.All(m =>
                TestPairs.All(p => m.Seen(p.Key) >= 0) && TestSymbols.All(s => m.Confluence(s) is not null))), ct);

            var load = Enumerable.Range(0, Workers).Select(w => Task.Run(() => LoadAsync(proxy, w % 2 == 0 ? pro : free, w % 2 == 0, w))).ToArray();
            await WaitSent(200, "the steady state", ct);

            for (var i = 0; i < silos.Length; i++)
            {
                var victim = silos[i];
                var events = mirrors.Select(m => m.Events).ToArray();
                TestContext.Current.TestOutputHelper?.WriteLine($"SIGTERM {victim.Name} (pid {victim.Id}) after {Interlocked.Read(ref _sent)} requests");
                var exit = await victim.StopAsync(Bounded, ct);
                Assert.True(exit == 0, $"{victim.Name} exited {exit} after SIGTERM{Environment.NewLine}{victim.Tail()}");

                silos[i] = StartSilo(LoopbackHaProxy.ServerName(i), victim.HttpPort);
                await silos[i].WaitReadyAsync(Startup, cancellationToken: ct);
                await WaitAllUp(ct);
                await WaitSent(Interlocked.Read(ref _sent) + 150, $"load after {victim.Name} is back", ct);
                await WaitFor($"stream events after {victim.Name} is back", () =>
                    Task.FromResult(mirrors.Select((m, k) => m.Events > events[k]).All(x => x)), ct);
            }

            await _loadStop.CancelAsync();
            await Task.WhenAll(load);

            // The feed stops; once PostgreSQL holds the file and the streams have delivered it, what they hold is compared.
            await _feedStop.CancelAsync();
            await _feed;
            await CollectorParity.WaitForEqualAsync(db, _file.Path, TestSymbols, Bounded);

            var summary = string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
            TestContext.Current.TestOutputHelper?.WriteLine($"{Interlocked.Read(ref _sent)} requests through HAProxy ({summary}); {_samples.Count} bodies sampled");
            Assert.True(_failed.IsEmpty, $"{_failed.Count} of {Interlocked.Read(ref _sent)} requests failed ({summary}):{Environment.NewLine}{string.Join(Environment.NewLine, _failed.Take(30))}");

            var wrong = await WrongSamples();
            Assert.True(wrong.Count == 0, $"{wrong.Count} sampled bodies differ from PostgreSQL:{Environment.NewLine}{string.Join(Environment.NewLine, wrong.Take(30))}");

            for (var k = 0; k < Followers; k++)
            {
                var (mirror, follower) = (mirrors[k], followers[k]);
                var connections = string.Join(" → ", follower.Connections);
                TestContext.Current.TestOutputHelper?.WriteLine($"follower {k}: {mirror.Events} events, {mirror.Reconnects} reconnect events, over {connections}");
                Assert.True(mirror.Reconnects > 0 && follower.ReconnectsFrom.Count > 0, $"follower {k} was never told to reconnect: {connections}");
                Assert.True(mirror.Breaches.Count == 0, $"follower {k}: {string.Join(Environment.NewLine, mirror.Breaches.Take(30))}");
                Assert.True(mirror.Resets.Count == 0, $"follower {k} resets: {string.Join(", ", mirror.Resets)}");
                Assert.All(follower.Connections.Skip(1), c => Assert.EndsWith("(resumed)", c, StringComparison.Ordinal));
                AssertMovedOn(k, follower);
                var differences = await Eventually.LastAsync(() => Undelivered(mirror), d => d.Count == 0, Bounded, TimeSpan.FromMilliseconds(500), ct);
                Assert.True(differences.Count == 0, $"follower {k} differs from PostgreSQL:{Environment.NewLine}{string.Join(Environment.NewLine, differences.Take(30))}");
            }
        }
        finally
        {
            await _loadStop.CancelAsync();
            foreach (var follower in followers)
            {
                await follower.DisposeAsync();
            }

            foreach (var client in streamClients)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>
    /// One worker of the read load: a round of the endpoints its tier may read, one request at a time. A PRO worker reads
    /// every pair's indicators, both confluences and the symbols; a FREE worker the FREE pairs and the symbols. Every
    /// fifth indicators answer is kept, to compare with PostgreSQL at the end.
    /// </summary>
    private async Task LoadAsync(HttpClient proxy, string token, bool pro, int worker)
    {
        (string Path, Pair? Pair)[] paths =
        [
            .. TestPairs.Where(p => pro || TierAccess.CanAccess(Tier.Free, p.Symbol, p.Timeframe))
                .Select(p => ($"/api/indicators/{p.Symbol}/{p.Timeframe.Name()}?limit=20", (Pair?)p)),
            .. pro ? TestSymbols.Select(s => ($"/api/confluence/{s}", (Pair?)null)) : [],
            ("/api/symbols", null),
        ];
        var auth = DevToken.Bearer(token);
        for (var n = worker; !_loadStop.IsCancellationRequested; n++)
        {
            var (path, pair) = paths[n % paths.Length];
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.Authorization = auth;
            try
            {
                using var response = await proxy.SendAsync(request, _loadStop.Token);
                var status = (int)response.StatusCode;
                _statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
                var body = await response.Content.ReadAsStringAsync(_loadStop.Token);
                if (status is not ((>= 200 and < 300) or 304 or 429))
                {
                    var server = response.Headers.TryGetValues(SseFollower.ServedBy, out var s) ? s.First() : "haproxy";
                    _failed.Enqueue($"{path}: {status} from {server}: {body[..Math.Min(body.Length, 200)]}");
                }
                else if (status == 200 && pair is { } sampled && n % 5 == 0)
                {
                    _samples.Enqueue((sampled, JsonDocument.Parse(body).RootElement.Clone()));
                }
            }
            catch (OperationCanceledException) when (_loadStop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                _statuses.AddOrUpdate(0, 1, (_, c) => c + 1);
                _failed.Enqueue($"{path}: {ex.GetType().Name}: {ex.Message}");
            }

            Interlocked.Increment(ref _sent);
            await Task.Delay(10, CancellationToken.None);
        }
    }

    /// <summary>Each sampled body's closed bars against the rows PostgreSQL holds for them (final once closed).</summary>
    private async Task<List<string>> WrongSamples()
    {
        var wrong = new List<string>();
        var stored = new Dictionary<Pair, Dictionary<long, (double, double, double, double)>>();
        foreach (var pair in TestPairs)
        {
            var rows = await db.QueryAsync($"SELECT extract(epoch FROM timestamp)::bigint, open, high, low, close FROM {pair.TableName}",
                r => (Time: r.GetInt64(0), Values: (r.GetDouble(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4))));
            stored[pair] = rows.ToDictionary(r => r.Time, r => r.Values);
        }

        var compared = 0;
        foreach (var (pair, body) in _samples)
        {
            foreach (var bar in body.GetProperty("data").GetProperty("ohlc").EnumerateArray().Where(b => b.GetProperty("closed").GetBoolean()))
            {
                compared++;
                var time = bar.GetProperty("time").GetInt64();
                var served = (bar.GetProperty("open").GetDouble(), bar.GetProperty("high").GetDouble(), bar.GetProperty("low").GetDouble(), bar.GetProperty("close").GetDouble());
                if (!stored[pair].TryGetValue(time, out var row))
                {
                    wrong.Add($"{pair.Key}: served closed bar {time} that PostgreSQL does not hold");
                }
                else if (row != served)
                {
                    wrong.Add($"{pair.Key}: bar {time} served as {served}, stored as {row}");
                }
            }
        }

        Assert.True(compared > 0, "no closed bar was sampled");
        return wrong;
    }

    /// <summary>Per pair, every PostgreSQL row from where the follower began was delivered at its stored values (own SQL).</summary>
    private async Task<List<string>> Undelivered(SseMirror mirror)
    {
        var differences = new List<string>();
        var from = mirror.FirstLatest;
        foreach (var pair in TestPairs)
        {
            var held = mirror.Bars(pair.Key).ToDictionary(b => b.Time);
            var rows = await db.QueryAsync(string.Create(CultureInfo.InvariantCulture,
                $"SELECT extract(epoch FROM timestamp)::bigint, open, high, low, close FROM {pair.TableName} WHERE timestamp >= to_timestamp({from.GetValueOrDefault(pair.Key)}) ORDER BY timestamp"),
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
        }

        return differences;
    }

    /// <summary>
    /// Every connection but the current one ended with a <c>reconnect</c> event (none just broke), and after each the
    /// follower went on to a server other than the one that sent it (HAProxy may first hand it the draining silo once
    /// more, which tells it again). A restarted silo keeps its port, so its server name.
    /// </summary>
    private static void AssertMovedOn(int index, SseFollower follower)
    {
        var connections = follower.Connections.Select(c => c.Replace(" (resumed)", string.Empty, StringComparison.Ordinal)).ToList();
        var reconnects = follower.ReconnectsFrom;
        var path = string.Join(" → ", follower.Connections);
        Assert.True(follower.Connected is not null && reconnects.Count == connections.Count - 1,
            $"follower {index}: {reconnects.Count} reconnect events over {connections.Count} connections (one broke?): {path}");
        for (var k = 0; k < reconnects.Count; k++)
        {
            Assert.Equal(connections[k], reconnects[k]);
            Assert.True(connections.Skip(k + 1).Any(c => c != reconnects[k]), $"follower {index} never resumed elsewhere after {reconnects[k]} told it to reconnect: {path}");
        }
    }

    private void StartFeed(int historyDays) =>
        _feed = LiveCollectorFeed.Start(_file.Path, TestSymbols, historyDays, live: true, _feedStop.Token).Live;

    private SiloProcess StartSilo(string name, int httpPort)
    {
        var silo = SiloProcess.Start($"{name}-{_allSilos.Count(s => s.Name.StartsWith(name, StringComparison.Ordinal)) + 1}", new SiloProcessOptions
        {
            Postgres = db.ConnectionString,
            ClusterId = _clusterId,
            Demo = false,
            RateLimits = false,
            HttpPort = httpPort,
            Arguments = SiloSettings,
        });
        _allSilos.Add(silo);
        return silo;
    }

    /// <summary>Every server is in HAProxy's rotation (its checks passed <c>rise</c> times).</summary>
    private Task WaitAllUp(CancellationToken ct) => WaitFor("every silo UP in HAProxy", async () =>
    {
        Assert.False(_haproxy!.HasExited, _haproxy.Tail());
        var states = await _haproxy.ServerStatesAsync(ct);
        return states.Count == 3 && states.Values.All(s => s == "UP");
    }, ct);

    private Task WaitSent(long requests, string what, CancellationToken ct) =>
        WaitFor($"{requests} requests ({what})", () => Task.FromResult(Interlocked.Read(ref _sent) >= requests), ct);

    private Task WaitFor(string what, Func<Task<bool>> condition, CancellationToken ct) =>
        Eventually.UntilAsync(what, condition, Bounded, TimeSpan.FromMilliseconds(250), () => Task.FromResult(Tails()), ct);

    private string Tails() => string.Join(Environment.NewLine,
        [.. _processes.Select(p => p.Tail(20)), .. _allSilos.Select(s => s.Tail(20)), _haproxy?.Tail(20) ?? string.Empty]);

    public async ValueTask DisposeAsync()
    {
        await _feedStop.CancelAsync();
        await _loadStop.CancelAsync();
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        foreach (var silo in _allSilos)
        {
            silo.Dispose();
        }

        _haproxy?.Dispose();
        try
        {
            await _feed;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SqliteException)
        {
        }

        _feedStop.Dispose();
        _loadStop.Dispose();
        _file.Dispose();
    }
}
