using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using TradingAlerts.Abstractions.Ports;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Persistence.Postgres;

namespace TradingAlerts.IntegrationTests.Grid;

/// <summary>
/// A one-silo TestCluster whose grains rehydrate through the real <see cref="PostgresBarStore"/> (at most
/// <see cref="Concurrency"/> rehydrations at once), seen through <see cref="RehydrationGauge"/>.
/// </summary>
public sealed class RehydrationFixture : IAsyncLifetime
{
    public const int Capacity = 500;
    public const int Concurrency = 2;

    private readonly SchemaDatabase _database = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public SchemaDatabase Database => _database;

    public IGrainFactory Grains => Cluster.Client;

    public PostgresBarStore Store { get; private set; } = null!;

    /// <summary>The database behind <see cref="Store"/>, for reading its rows directly.</summary>
    public Npgsql.NpgsqlDataSource DataSource => _database.DataSource;

    public RehydrationGauge Gauge { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        var options = Options.Create(new GridOptions { BarCapacity = Capacity, RehydrationConcurrency = Concurrency });
        Store = new PostgresBarStore(_database.DataSource, options);
        Gauge = new RehydrationGauge(Store);
        Cluster = await GrainCluster.StartAsync(services => services.AddSingleton<IBarStore>(Gauge), o => o.BarCapacity = Capacity);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await _database.DisposeAsync();
    }
}
