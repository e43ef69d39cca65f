namespace TradingAlerts.Abstractions.Contracts;

/// <summary>
/// The held bars of a pair inside a time range and where the held window lies, so a caller can tell whether memory
/// answered the whole range or PostgreSQL must (history by time range, docs/api.md).
/// </summary>
/// <param name="Bars">Held bars that opened in the range (the newest of them when a limit applied), oldest first;
/// <see cref="BarSeriesSnapshot.LatestIndicators"/> only when the range reaches the pair's latest bar.</param>
/// <param name="OldestHeld">Open time of the oldest held bar, or null when none is held.</param>
/// <param name="LatestHeld">Open time of the latest held bar (the forming one), or null.</param>
/// <param name="WindowFull">True when the window holds its capacity: older bars may exist only in PostgreSQL.</param>
/// <param name="OlderThanRange">Open time of the newest held bar before the range, or null.</param>
[GenerateSerializer, Immutable, Alias("TradingAlerts.BarRange")]
public sealed record BarRange(
    [property: Id(0)] BarSeriesSnapshot Bars,
    [property: Id(1)] long? OldestHeld,
    [property: Id(2)] long? LatestHeld,
    [property: Id(3)] bool WindowFull,
    [property: Id(4)] long? OlderThanRange);

/// <summary>One pair as a watchlist shows it: latest bar, signal and freshness in one call.</summary>
[GenerateSerializer, Immutable, Alias("TradingAlerts.PairSummary")]
public sealed record PairSummary(
    [property: Id(0)] BarRecord? Latest,
    [property: Id(1)] TimeframeSignal? Signal,
    [property: Id(2)] PairFreshness Freshness);
