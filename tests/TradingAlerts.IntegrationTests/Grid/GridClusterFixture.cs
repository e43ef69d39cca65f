using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.TestingHost;
using TradingAlerts.Abstractions.Ports;
using TradingAlerts.Grains;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Grains.Bars;
using TradingAlerts.Persistence.Postgres;

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
        var connectionString = _database.ConnectionString;
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GridStorage.Name);
            silo.Services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create(connectionString));
            silo.Services.AddSingleton<IBarStore, PostgresBarStore>();
            silo.Services.AddSingleton<IGridEventPublisher, NoGridEventPublisher>();
            silo.Services.AddOptions<GridOptions>().Configure(o => o.BarCapacity = 500);
            silo.Services.TryAddSingleton(TimeProvider.System); // as the silo host: grains read the time through it
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await _database.DisposeAsync();
    }
}
