using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Grid;

/// <summary>
/// Three real silos (ADO.NET clustering on PostgreSQL) in this process; one is stopped (its host disposed) while
/// ingest is running. Afterwards PostgreSQL holds exactly the collector file's bars, value for value, and the grains
/// serve the same bars. A silo killed with SIGKILL is MultiProcessFailoverTests.
/// </summary>
public sealed class SiloFailoverTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>, IDisposable
{
    private static readonly string[] TestSymbols = ["AUDUSD", "GBPJPY", "ETHUSD"];
    private readonly TempCollectorFile _file = new();

    [Fact]
    public async Task Stopping_a_silo_during_ingest_loses_and_duplicates_nothing()
    {
        var rows = _file.WriteHistory(5, TestSymbols);

        var clusterId = $"failover-{Guid.NewGuid():N}";
        Dictionary<string, string?> Settings(bool agent) => new()
        {
            ["ConnectionStrings:Postgres"] = db.ConnectionString,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Ingest:SqlitePaths:0"] = agent ? _file.Path : null,
            ["Ingest:BatchSize"] = "100",
        };

        var pairs = TestSymbols.SelectMany(s => Timeframes.All.Select(tf => new Pair(s, tf))).ToList();
        await using var silo2 = new SiloFactory(Settings(agent: false));
        silo2.CreateClient().Dispose();

        // The pairs activate on silo 2 while it is the cluster's only silo: placement prefers the caller's silo, so grains
        // first called by the agent on silo 3 would all live there and stopping silo 2 would hand nothing over.
        var early = silo2.Services.GetRequiredService<IGrainFactory>();
        foreach (var pair in pairs)
        {
            await early.GetGrain<ITimeframeGrain>(pair.Key).GetBars(1);
        }

        await using var silo1 = new SiloFactory(Settings(agent: false));
        silo1.CreateClient().Dispose();
        await using var silo3 = new SiloFactory(Settings(agent: true)); // the agent runs here
        silo3.CreateClient().Dispose();

        // Stop silo 2 once ingest is under way: its grains come back on the others, rehydrated.
        var count = TempCollectorFile.CountSql(TestSymbols);
        await TempCollectorFile.WaitForRowsAsync(db, TestSymbols, rows / 4);

        var silo2Address = silo2.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var management = silo1.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var onSilo2 = (await management.GetDetailedGrainStatistics(types: null, hostsIds: [silo2Address], cancellationToken: TestContext.Current.CancellationToken))
            .Select(s => s.GrainId.Key.ToString())
            .Where(key => pairs.Any(p => p.Key == key))
            .ToList();
        Assert.NotEmpty(onSilo2); // the stop below hands these over

        Assert.True(await db.ScalarAsync<long>(count) < rows, "ingest finished before the silo could be stopped");
        await silo2.DisposeAsync();

        // Every bar of the collector file is in PostgreSQL with the file's values, none missing, none extra.
        await CollectorParity.WaitForEqualAsync(db, _file.Path, TestSymbols);
        var grains = silo1.Services.GetRequiredService<IGrainFactory>();
        foreach (var pair in pairs)
        {
            var stored = await db.QueryAsync($"SELECT extract(epoch FROM timestamp)::bigint, close FROM {pair.TableName} ORDER BY timestamp", r => (r.GetInt64(0), r.GetDouble(1)));
            var held = await grains.GetGrain<ITimeframeGrain>(pair.Key).GetBars(100_000);
            Assert.Equal(stored, held.Time.Zip(held.Close));
        }

        // The grains silo 2 held now live on the silos that stayed.
        var remaining = await management.GetDetailedGrainStatistics(types: null, hostsIds: null, cancellationToken: TestContext.Current.CancellationToken);
        Assert.All(onSilo2, key => Assert.Contains(remaining, s => s.GrainId.Key.ToString() == key && !s.SiloAddress.Equals(silo2Address)));
    }

    public void Dispose() => _file.Dispose();
}
