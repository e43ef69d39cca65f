using Orleans.TestingHost;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Grid;

/// <summary>
/// A real in-process Orleans cluster running the grid's grains, writing through to a fresh PostgreSQL
/// database (schema applied), with memory grain storage for cursors.
/// </summary>
public sealed class GridClusterFixture : IAsyncLifetime
{
    private readonly SchemaDatabase _database = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public SchemaDatabase Database => _database;

    public IGrainFactory Grains => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        Cluster = await GrainCluster.StartAsync(GrainCluster.PostgresStore(_database.ConnectionString), o => o.BarCapacity = 500);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await _database.DisposeAsync();
    }
}
