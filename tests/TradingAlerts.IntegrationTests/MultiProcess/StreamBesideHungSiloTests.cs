using System.Diagnostics;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.MultiProcess;

/// <summary>
/// A stream on a surviving silo is never held up by a grain on a silo that stopped answering. Three built silos on
/// PostgreSQL, the collector agent ingesting a day of every pair (the grains spread over the silos by the rebalancer); then one
/// silo is frozen (SIGSTOP: its connections stay open and its calls go unanswered, as with a host that died without
/// closing them) and a stream of all 135 pairs is opened on another silo. Every pair whose grain is not on the frozen
/// silo is served while the cluster still counts that silo as alive (it takes Orleans several missed probes to declare
/// it dead), and once it is declared dead, every pair is served, from its grain's new activation.
/// </summary>
public sealed class StreamBesideHungSiloTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>, IAsyncDisposable
{
    private const int Active = 3; // Orleans' SiloStatus in the membership table
    private static readonly Pair[] Pairs = [.. Pair.All];
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(120);

    private readonly TempCollectorFile _file = new();
    private readonly List<ChildProcess> _processes = [];
    private readonly List<SiloProcess> _silos = [];
    private SiloProcess? _frozen;

    [Fact]
    public async Task A_stream_serves_the_pairs_of_live_silos_while_another_silo_hangs_and_the_rest_once_it_is_declared_dead()
    {
        var ct = TestContext.Current.CancellationToken;
        var clusterId = $"stream-hung-{Guid.NewGuid():N}";
        LiveCollectorFeed.Start(_file.Path, Symbols.All, historyDays: 1, live: false, ct);
        var silos = Enumerable.Range(1, 3).Select(i => Start(clusterId, i)).ToArray();
        await Task.WhenAll(silos.Select(s => s.WaitReadyAsync(Startup, cancellationToken: ct)));
        _processes.Add(ChildProcess.Start("agent", "TradingAlerts.Collector",
            ["agent", "--sqlite", _file.Path, "--postgres", db.ConnectionString, "--cluster-id", clusterId],
            new Dictionary<string, string> { ["Ingest__BatchSize"] = "200" }));
        var stored = $"SELECT count(*) FROM ({string.Join(" UNION ALL ", Pairs.Select(p => $"(SELECT 1 FROM {p.TableName} LIMIT 1)"))}) AS stored";
        await WaitFor("every pair's bars to reach PostgreSQL", async () => await db.ScalarAsync<long>(stored) == Pairs.Length, ct);
        // The silos start together but the first one up activates most grains (its freshness check reads every pair):
        // the rebalancer spreads them.
        await WaitFor("every pair's grain to be active, a share on each silo", async () =>
            await Hosted(silos, ct) is var now && now.Values.Sum() == Pairs.Length && now.Values.All(n => n >= 20), ct);

        // Then still for a while: a grain the rebalancer is moving, or one a silo's directory cache has at its old place,
        // is looked up in the grain directory, whose partitions the frozen silo shares; that is Orleans', not the stream's.
        await WaitFor("the grains to stay where they are", async () =>
        {
            var before = await Hosted(silos, ct);
            await Task.Delay(TimeSpan.FromSeconds(20), ct);
            var after = await Hosted(silos, ct);
            return after.Values.Sum() == Pairs.Length && before.All(b => after[b.Key] == b.Value);
        }, ct);
        var hosted = await Hosted(silos, ct);
        var frozen = hosted.MaxBy(h => h.Value).Key;
        var reader = silos.First(s => s != frozen);
        var held = hosted[frozen];
        Assert.InRange(held, 1, Pairs.Length - 1);
        using var http = new HttpClient { BaseAddress = reader.Http.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = DevToken.Bearer(await reader.AuthorizeAsync(cancellationToken: ct));

        Signal("STOP", frozen);
        _frozen = frozen;
        var clock = Stopwatch.StartNew();
        var mirror = new SseMirror();
        await using var follower = new SseFollower(mirror, $"/api/stream?pairs={string.Join(',', Pairs.Select(p => p.Key))}", () => [new StreamTarget(reader.Name, http)]);
        await WaitFor($"the {Pairs.Length - held} pairs not on the frozen {frozen.Name} to be served by {reader.Name}",
            () => Task.FromResult(Served(mirror) >= Pairs.Length - held), ct);
        var status = await db.ScalarAsync<int>(
            $"SELECT status FROM orleansmembershiptable WHERE deploymentid = '{clusterId}' AND port = {frozen.SiloPort} ORDER BY generation DESC LIMIT 1");
        Assert.True(status == Active,
            $"{Served(mirror)} of {Pairs.Length} pairs were served only after the frozen silo was declared dead (status {status}): the stream waited for its grains; " +
            $"{mirror.Events} events over {string.Join(", ", follower.Connections)} after {clock.Elapsed}{Environment.NewLine}{string.Join(Environment.NewLine, reader.Matching("Live", "stream", "Stream").TakeLast(30))}");

        await WaitFor("every pair to be served once the frozen silo is declared dead", () => Task.FromResult(Served(mirror) == Pairs.Length), ct);
        Assert.True(mirror.Breaches.Count == 0, string.Join(Environment.NewLine, mirror.Breaches.Take(40)));
        TestContext.Current.TestOutputHelper?.WriteLine($"{frozen.Name} held {held} of {Pairs.Length} grains; {mirror.Events} events over {string.Join(" → ", follower.Connections)}");
    }

    private static int Served(SseMirror mirror) => Pairs.Count(p => mirror.Seen(p.Key) >= 0);

    /// <summary>Timeframe grains per silo (one per pair).</summary>
    private static async Task<Dictionary<SiloProcess, int>> Hosted(SiloProcess[] silos, CancellationToken ct)
    {
        var hosted = new Dictionary<SiloProcess, int>();
        foreach (var silo in silos)
        {
            hosted[silo] = await silo.GrainsAsync("timeframe", ct);
        }

        return hosted;
    }

    private SiloProcess Start(string clusterId, int index)
    {
        var silo = SiloProcess.Start($"silo{index}", new SiloProcessOptions
        {
            Postgres = db.ConnectionString,
            ClusterId = clusterId,
            Demo = false,
            RateLimits = false,
            AdminPort = true, // /metrics counts the grains a silo holds
            Arguments = ["--Live:HeartbeatInterval=00:00:01", "--Orleans:Rebalancing=true", "--Orleans:Rebalancer:RebalancerDueTime=00:00:05", "--Orleans:Rebalancer:SessionCyclePeriod=00:00:03"],
        });
        _silos.Add(silo);
        return silo;
    }

    private static void Signal(string signal, SiloProcess silo)
    {
        using var kill = Process.Start("kill", [$"-{signal}", silo.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private Task WaitFor(string what, Func<Task<bool>> condition, CancellationToken ct) =>
        Eventually.UntilAsync(what, condition, Bounded, TimeSpan.FromMilliseconds(100),
            () => Task.FromResult(string.Join(Environment.NewLine, _processes.Select(p => p.Tail(25)).Concat(_silos.Where(s => s != _frozen).Select(s => s.Tail(25))))), ct);

    public ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        foreach (var silo in _silos)
        {
            silo.Dispose(); // a stopped process is killed all the same
        }

        _file.Dispose();
        return ValueTask.CompletedTask;
    }
}
