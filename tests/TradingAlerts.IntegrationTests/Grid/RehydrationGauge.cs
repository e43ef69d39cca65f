using System.Runtime.CompilerServices;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Ports;
using TradingAlerts.Grains.Bars;

namespace TradingAlerts.IntegrationTests.Grid;

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

    public async IAsyncEnumerable<StoredBar> RehydrateAsync(Pair pair, int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
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

    public Task<int> UpsertAsync(Pair pair, IReadOnlyList<BarRecord> bars, IReadOnlyDictionary<long, long>? positions, CancellationToken cancellationToken = default) =>
        inner.UpsertAsync(pair, bars, positions, cancellationToken);

    public Task<long> PositionAsync(Pair pair, CancellationToken cancellationToken = default) => inner.PositionAsync(pair, cancellationToken);

    public Task<List<StoredBar>> ChangesSinceAsync(Pair pair, long after, long upTo, int max, CancellationToken cancellationToken = default) =>
        inner.ChangesSinceAsync(pair, after, upTo, max, cancellationToken);

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

    public IAsyncEnumerable<BarRecord> RangeAsync(Pair pair, long oldest, long newest, int limit, CancellationToken cancellationToken = default) =>
        inner.RangeAsync(pair, oldest, newest, limit, cancellationToken);

    public Task<long?> BeforeAsync(Pair pair, long time, CancellationToken cancellationToken = default) =>
        inner.BeforeAsync(pair, time, cancellationToken);
}
