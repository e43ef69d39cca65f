using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Abstractions.Ports;

/// <summary>Where TimeframeGrains write bars through and rehydrate them from.</summary>
public interface IBarStore
{
    /// <summary>True when writes are durable somewhere (false in the embedded run without PostgreSQL).</summary>
    bool IsDurable { get; }

    /// <summary>
    /// Writes <paramref name="bars"/> (idempotent upsert; per bar time the highest seq wins). A bar with an entry in
    /// <paramref name="positions"/> (keyed by bar time) gets that change position with its row; the others are
    /// written as always and keep the position their row has.
    /// </summary>
    Task<int> UpsertAsync(Pair pair, IReadOnlyList<BarRecord> bars, IReadOnlyDictionary<long, long>? positions, CancellationToken cancellationToken = default);

    /// <summary>The pair's highest stored change position, 0 when none: where a new activation continues.</summary>
    Task<long> PositionAsync(Pair pair, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stored bars whose change position is in (<paramref name="after"/>, <paramref name="upTo"/>], ordered by
    /// position, at most <paramref name="max"/>; each row once, at its newest version.
    /// </summary>
    Task<List<StoredBar>> ChangesSinceAsync(Pair pair, long after, long upTo, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Rehydration: the latest <paramref name="count"/> bars of the pair, oldest first, streamed, with what a
    /// TimeframeGrain keeps of them: prices, tema/hrma/smma and momentum_candles of every bar, the structure
    /// columns (fractals, trendlines, keltner_channels, zigzag) of the newest stored bar only (null on the others).
    /// A store may bound how many of these run at once (the enumeration holds a slot until it ends).
    /// </summary>
    IAsyncEnumerable<StoredBar> RehydrateAsync(Pair pair, int count, CancellationToken cancellationToken = default);

    /// <summary>
    /// Per timeframe of <paramref name="symbol"/>, the latest <paramref name="count"/> bars that opened at or before
    /// <paramref name="time"/> (unix seconds, the bars' clock), oldest first; timeframes without such a bar are absent.
    /// </summary>
    Task<Dictionary<Timeframe, List<BarRecord>>> AtAsync(string symbol, long time, int count, CancellationToken cancellationToken = default);

    /// <summary>
    /// History by time range: the stored bars that opened in [<paramref name="oldest"/>, <paramref name="newest"/>] (unix seconds,
    /// the bars' clock), the newest <paramref name="limit"/> of them, oldest first, streamed: prices, numbers and momentum
    /// candles as stored, the structure columns (fractals, trendlines, keltner_channels, zigzag) null: a response takes
    /// those of the pair's latest bar from its grain.
    /// </summary>
    IAsyncEnumerable<BarRecord> RangeAsync(Pair pair, long oldest, long newest, int limit, CancellationToken cancellationToken = default);

    /// <summary>Open time of the newest stored bar that opened before <paramref name="time"/>, or null when there is none.</summary>
    Task<long?> BeforeAsync(Pair pair, long time, CancellationToken cancellationToken = default);
}

/// <summary>
/// The embedded run without PostgreSQL: write-through and rehydration are off, nothing is stored to answer from, so history
/// by time range answers from the grains' memory only (the response says so: <c>X-Bars-Source: memory-only</c>).
/// </summary>
public sealed class NoBarStore : IBarStore
{
    public bool IsDurable => false;

    public Task<int> UpsertAsync(Pair pair, IReadOnlyList<BarRecord> bars, IReadOnlyDictionary<long, long>? positions, CancellationToken cancellationToken = default) =>
        Task.FromResult(0);

    public Task<long> PositionAsync(Pair pair, CancellationToken cancellationToken = default) => Task.FromResult(0L);

    public Task<List<StoredBar>> ChangesSinceAsync(Pair pair, long after, long upTo, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult(new List<StoredBar>());

    public IAsyncEnumerable<StoredBar> RehydrateAsync(Pair pair, int count, CancellationToken cancellationToken = default) =>
        AsyncEnumerable.Empty<StoredBar>();

    public Task<Dictionary<Timeframe, List<BarRecord>>> AtAsync(string symbol, long time, int count, CancellationToken cancellationToken = default) =>
        Task.FromResult(new Dictionary<Timeframe, List<BarRecord>>());

    public IAsyncEnumerable<BarRecord> RangeAsync(Pair pair, long oldest, long newest, int limit, CancellationToken cancellationToken = default) =>
        AsyncEnumerable.Empty<BarRecord>();

    public Task<long?> BeforeAsync(Pair pair, long time, CancellationToken cancellationToken = default) => Task.FromResult<long?>(null);
}
