using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Grid;

/// <summary>
/// A silo stopped the way Docker and Kubernetes stop it (SIGTERM → host StopAsync within Orleans:ShutdownTimeout):
/// it deactivates its grains and leaves the membership table as Dead at once, so the other silo serves those
/// grains straight away, rehydrated from PostgreSQL, with every row exactly once.
/// </summary>
public sealed class GracefulShutdownTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>, IDisposable
{
    private const int DeadStatus = 6; // Orleans SiloStatus.Dead in the membership table
    private static readonly string[] TestSymbols = ["NZDUSD", "USDCAD", "XAGUSD"];
    private readonly TempCollectorFile _file = new();

    [Fact]
    public async Task Gracefully_stopped_silo_hands_its_grains_over_with_nothing_lost()
    {
        var rows = _file.WriteHistory(2, TestSymbols);
        var clusterId = $"graceful-{Guid.NewGuid():N}";
        Dictionary<string, string?> Settings(bool agent) => new()
        {
            ["ConnectionStrings:Postgres"] = db.ConnectionString,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Orleans:ShutdownTimeout"] = "00:00:20",
            ["Ingest:SqlitePaths:0"] = agent ? _file.Path : null,
        };

        var pairs = TestSymbols.SelectMany(s => Timeframes.All.Select(tf => new Pair(s, tf))).ToList();
        await using var stopping = new SiloFactory(Settings(agent: false));
        stopping.CreateClient().Dispose();

        // The pairs activate on it while it is the cluster's only silo: placement prefers the caller's silo, so grains
        // first called by the agent on the other silo would all live there and the stop would have nothing to hand over.
        var early = stopping.Services.GetRequiredService<IGrainFactory>();
        foreach (var pair in pairs)
        {
            await early.GetGrain<ITimeframeGrain>(pair.Key).GetBars(1);
        }

        await using var staying = new SiloFactory(Settings(agent: true)); // the agent runs here
        staying.CreateClient().Dispose();
        await TempCollectorFile.WaitForRowsAsync(db, TestSymbols, rows);

        var grains = staying.Services.GetRequiredService<IGrainFactory>();
        var before = new Dictionary<string, long[]>();
        foreach (var pair in pairs)
        {
            before[pair.Key] = (await grains.GetGrain<ITimeframeGrain>(pair.Key).GetBars(100_000)).Time.ToArray();
        }

        // Which timeframe grains live on the silo about to stop.
        var stoppingAddress = stopping.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var management = grains.GetGrain<IManagementGrain>(0);
        var onStopping = (await management.GetDetailedGrainStatistics(types: null, hostsIds: [stoppingAddress], cancellationToken: TestContext.Current.CancellationToken))
            .Where(s => s.GrainId.Key.ToString() is { } key && pairs.Any(p => p.Key == key))
            .Select(s => s.GrainId.Key.ToString()!)
            .ToList();
        Assert.NotEmpty(onStopping);

        await stopping.DisposeAsync(); // graceful: IHost.StopAsync

        // It left the cluster itself: no failure detection needed before its grains can move.
        Assert.Equal(DeadStatus, await db.ScalarAsync<int>(
            $"SELECT status FROM orleansmembershiptable WHERE deploymentid = '{clusterId}' AND port = {stoppingAddress.Endpoint.Port} AND generation = {stoppingAddress.Generation}"));

        // Its grains answer from the remaining silo, rehydrated with the same bars, and now live there.
        foreach (var key in onStopping)
        {
            var held = await grains.GetGrain<ITimeframeGrain>(key).GetBars(100_000);
            Assert.Equal(before[key], held.Time.ToArray());
        }

        var stayingAddress = staying.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var moved = await management.GetDetailedGrainStatistics(types: null, hostsIds: [stayingAddress], cancellationToken: TestContext.Current.CancellationToken);
        Assert.All(onStopping, key => Assert.Contains(moved, s => s.GrainId.Key.ToString() == key));

        // Nothing lost, nothing extra, every value the collector file's.
        await CollectorParity.AssertEqualAsync(db, _file.Path, TestSymbols);
    }

    public void Dispose() => _file.Dispose();
}
