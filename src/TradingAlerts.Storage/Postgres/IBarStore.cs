using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Storage.Postgres;

/// <summary>Where TimeframeGrains write bars through and rehydrate them from.</summary>
public interface IBarStore
{
    /// <summary>True when writes are durable somewhere (false in the embedded run without PostgreSQL).</summary>
    bool IsDurable { get; }

    Task<int> UpsertAsync(Pair pair, IReadOnlyList<BarRecord> bars, CancellationToken cancellationToken = default);

    Task<List<BarRecord>> LatestAsync(Pair pair, int count, CancellationToken cancellationToken = default);
}

/// <summary>The embedded run without PostgreSQL: write-through and rehydration are off.</summary>
public sealed class NoBarStore : IBarStore
{
    public bool IsDurable => false;

    public Task<int> UpsertAsync(Pair pair, IReadOnlyList<BarRecord> bars, CancellationToken cancellationToken = default) =>
        Task.FromResult(0);

    public Task<List<BarRecord>> LatestAsync(Pair pair, int count, CancellationToken cancellationToken = default) =>
        Task.FromResult(new List<BarRecord>());
}
