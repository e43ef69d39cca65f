using Orleans.Concurrency;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Abstractions.Grains;

/// <summary>
/// One per symbol-timeframe pair (key: "EURUSD/H1", see <see cref="Catalogue.Pair"/>). Holds the latest
/// bars in memory, writes every bar through to PostgreSQL and computes the pair's signal. Reads interleave
/// with a write-through in flight: state only changes synchronously after the write completes, so a read
/// sees the bars before or after an apply, never half of one.
/// </summary>
[Alias("TradingAlerts.ITimeframeGrain")]
public interface ITimeframeGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies bars of this pair (new bars, forming-bar rewrites, late bars) after writing them through;
    /// returns the bars that changed. Called by the SymbolGrain once per timeframe per batch.
    /// </summary>
    [Alias("Apply")]
    Task<int> Apply(BarRecord[] bars);

    /// <summary>The latest <paramref name="limit"/> bars (at most what is held), oldest first.</summary>
    [Alias("GetBars"), AlwaysInterleave]
    Task<BarSeriesSnapshot> GetBars(int limit);

    /// <summary>
    /// Held bars that opened in [<paramref name="oldest"/>, <paramref name="newest"/>] (unix seconds, the bars' clock), the newest
    /// <paramref name="limit"/> of them, oldest first, with where the held window lies (see <see cref="BarRange"/>).
    /// </summary>
    [Alias("GetRange"), AlwaysInterleave]
    Task<BarRange> GetRange(long oldest, long newest, int limit);

    /// <summary>Latest bar, signal and freshness in one cheap call (the watchlist).</summary>
    [Alias("GetSummary"), AlwaysInterleave]
    Task<PairSummary> GetSummary();

    /// <summary>Changes whenever the held bars change and is never reused by another activation (cheap: for ETags, caches, polling).</summary>
    [Alias("GetVersion"), AlwaysInterleave]
    Task<long> GetVersion();

    /// <summary>The latest bar, or null when none is held.</summary>
    [Alias("GetLatest"), AlwaysInterleave]
    Task<BarRecord?> GetLatest();

    /// <summary>
    /// The held bar in force at <paramref name="time"/> (the latest that opened at or before it), or null.
    /// Structure JSON (fractals, lines, zigzag, keltner) is kept for the latest bar only.
    /// </summary>
    [Alias("GetBarAt"), AlwaysInterleave]
    Task<BarRecord?> GetBarAt(long time);

    /// <summary>The signal computed from the latest bar, or null when none is held.</summary>
    [Alias("GetSignal"), AlwaysInterleave]
    Task<TimeframeSignal?> GetSignal();

    /// <summary>Bars held, latest bar time and when data last arrived: cheap, for the freshness health endpoint.</summary>
    [Alias("GetFreshness"), AlwaysInterleave]
    Task<PairFreshness> GetFreshness();

    /// <summary>The pair's newest change position (see <see cref="PairChanges"/>).</summary>
    [Alias("GetPosition"), AlwaysInterleave]
    Task<long> GetPosition();

    /// <summary>
    /// The changes after position <paramref name="after"/>, at most <paramref name="max"/> versions (ask again from the
    /// answer's <see cref="PairChanges.Position"/> while it is below <see cref="PairChanges.Current"/>): from memory
    /// when held, from PostgreSQL when older; a <see cref="PairChanges.Reset"/> with the latest bars when neither can.
    /// </summary>
    [Alias("GetChangesSince"), AlwaysInterleave]
    Task<PairChanges> GetChangesSince(long after, int max);

    [Alias("Subscribe")]
    Task Subscribe(IBarObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IBarObserver observer);
}
