using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Grains;
using TradingAlerts.Grains.Bars;
using TradingAlerts.Grains.Events;
using TradingAlerts.Grains.Options;
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

    public RehydrationGauge Gauge { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        var options = Options.Create(new GridOptions { BarCapacity = Capacity, RehydrationConcurrency = Concurrency });
        Store = new PostgresBarStore(_database.DataSource, options);
        Gauge = new RehydrationGauge(Store);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GridStorage.Name);
            silo.Services.AddSingleton<IBarStore>(Gauge);
            silo.Services.AddSingleton<IGridEventPublisher, NoGridEventPublisher>();
            silo.Services.AddOptions<GridOptions>().Configure(o => o.BarCapacity = Capacity);
            silo.Services.TryAddSingleton(TimeProvider.System);
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

/// <summary>
/// The real store, with the rehydrations that are reading rows counted: from a pair's first row until the test
/// lets it go on (<see cref="ReleaseAll"/>). That span lies inside the store's own slot (taken before the query, given
/// back after the last row), so <see cref="Inside"/> never exceeds what the store lets run at once; when it would,
/// <see cref="Exceeded"/> says so and everything is let go at once.
/// </summary>
public sealed class RehydrationGauge(IBarStore inner) : IBarStore
{
    private readonly Lock _lock = new();
    private readonly List<TaskCompletionSource> _held = [];
    private bool _holding;

    public int Limit { get; set; } = int.MaxValue;

    public int Inside { get; private set; }

    public int Entered { get; private set; }

    public int MostInside { get; private set; }

    public bool Exceeded => MostInside > Limit;

    public bool IsDurable => inner.IsDurable;

    /// <summary>From now on each rehydration waits after its first row until <see cref="ReleaseAll"/>.</summary>
    public void Hold(int limit)
    {
        lock (_lock)
        {
            (_holding, Limit, Entered, MostInside) = (true, limit, 0, Inside);
        }
    }

    /// <summary>Lets every held rehydration go on; with <paramref name="stopHolding"/>, later ones are not held.</summary>
    public void ReleaseAll(bool stopHolding = false)
    {
        lock (_lock)
        {
            _holding &= !stopHolding;
            foreach (var held in _held)
            {
                held.TrySetResult();
            }

            _held.Clear();
        }
    }

    public async IAsyncEnumerable<BarRecord> RehydrateAsync(Pair pair, int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var first = true;
        await foreach (var bar in inner.RehydrateAsync(pair, count, cancellationToken))
        {
            if (first)
            {
                first = false;
                await EnterAndWaitAsync();
            }

            yield return bar;
        }
    }

    public Task<int> UpsertAsync(Pair pair, IReadOnlyList<BarRecord> bars, CancellationToken cancellationToken = default) =>
        inner.UpsertAsync(pair, bars, cancellationToken);

    public Task<List<BarRecord>> LatestAsync(Pair pair, int count, CancellationToken cancellationToken = default) =>
        inner.LatestAsync(pair, count, cancellationToken);

    public Task<Dictionary<Timeframe, List<BarRecord>>> AtAsync(string symbol, long time, int count, CancellationToken cancellationToken = default) =>
        inner.AtAsync(symbol, time, count, cancellationToken);

    private async Task EnterAndWaitAsync()
    {
        TaskCompletionSource? wait = null;
        lock (_lock)
        {
            Inside++;
            Entered++;
            MostInside = Math.Max(MostInside, Inside);
            if (Exceeded)
            {
                ReleaseAll(stopHolding: true); // the bound is broken: no point holding anyone
            }
            else if (_holding)
            {
                wait = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _held.Add(wait);
            }
        }

        if (wait is not null)
        {
            await wait.Task;
        }

        lock (_lock)
        {
            Inside--;
        }
    }
}
