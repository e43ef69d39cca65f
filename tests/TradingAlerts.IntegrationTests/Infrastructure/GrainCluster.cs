using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.TestingHost;
using TradingAlerts.Abstractions.Ports;
using TradingAlerts.Grains;
using TradingAlerts.Grains.Bars;
using TradingAlerts.Persistence.Postgres;

namespace TradingAlerts.IntegrationTests.Infrastructure;

/// <summary>
/// One in-process silo running the grid's grains as the silo host wires them (memory storage for cursors, no event
/// publisher, the system clock grains read the time through), with the bar store and grid options a fixture chooses.
/// </summary>
internal static class GrainCluster
{
    public static async Task<InProcessTestCluster> StartAsync(Action<IServiceCollection> addStore, Action<GridOptions> configure)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GridStorage.Name);
            addStore(silo.Services);
            silo.Services.AddSingleton<IGridEventPublisher, NoGridEventPublisher>();
            silo.Services.AddOptions<GridOptions>().Configure(configure);
            silo.Services.TryAddSingleton(TimeProvider.System);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>The real write-through store on its own data source for <paramref name="connectionString"/>.</summary>
    public static Action<IServiceCollection> PostgresStore(string connectionString) => services =>
    {
        services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<IBarStore, PostgresBarStore>();
    };
}
