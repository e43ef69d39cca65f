using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using TradingAlerts.Abstractions.Ports;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Positions;

/// <summary>
/// A real one-silo cluster writing through to a fresh PostgreSQL database, with a change log of only
/// <see cref="ChangeLogCapacity"/> bars per pair (so tests can ask below it), that a test can restart whole.
/// Without a database (<see cref="StartEmbeddedAsync"/>) it is the embedded run.
/// </summary>
public sealed class PositionsFixture : IAsyncLifetime
{
    public const int ChangeLogCapacity = 8;
    public const int BarCapacity = 500;

    private readonly SchemaDatabase _database = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public SchemaDatabase Database => _database;

    public IGrainFactory Grains => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        Cluster = await StartAsync(_database.ConnectionString);
    }

    /// <summary>The whole cluster stopped and a new one started on the same database (every activation is new).</summary>
    public async Task RestartAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Cluster = await StartAsync(_database.ConnectionString);
    }

    /// <summary>A separate cluster without PostgreSQL, as the embedded run (the caller disposes it).</summary>
    public static Task<InProcessTestCluster> StartEmbeddedAsync() => StartAsync(null);

    private static Task<InProcessTestCluster> StartAsync(string? connectionString) => GrainCluster.StartAsync(
        connectionString is null ? services => services.AddSingleton<IBarStore, NoBarStore>() : GrainCluster.PostgresStore(connectionString),
        o => (o.BarCapacity, o.ChangeLogCapacity) = (BarCapacity, ChangeLogCapacity));

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await _database.DisposeAsync();
    }
}
