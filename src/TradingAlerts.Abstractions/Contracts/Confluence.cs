using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Abstractions.Contracts;

// A symbol's confluence as the ConfluenceGrain answers it: now (with its bars), at a past time.

/// <summary>
/// The confluence of one symbol at one time: score 0..10 from the nine timeframe signals
/// (alignment = |bullish − bearish| / 9, avgStrength = Σstrength / 9, score = round1(5·alignment + 5·avgStrength)).
/// </summary>
[GenerateSerializer, Immutable, Alias("TradingAlerts.ConfluenceSnapshot")]
public sealed record ConfluenceSnapshot(
    [property: Id(0)] string Symbol,
    [property: Id(1)] long Time,
    [property: Id(2)] double Score,
    [property: Id(3)] int Bullish,
    [property: Id(4)] int Bearish,
    [property: Id(5)] int Neutral,
    [property: Id(6)] IReadOnlyDictionary<Timeframe, TimeframeSignal> Signals);

/// <summary>
/// The confluence at a past time: the snapshot, or why there is none (the time is older than what is held).
/// Not holding a time is an answer, not a failure. <see cref="Bars"/>, when set, are the bars of each timeframe in
/// force at that time, the ones the snapshot stands on (timeframes without one are absent).
/// </summary>
[GenerateSerializer, Immutable, Alias("TradingAlerts.ConfluenceAtTime")]
public sealed record ConfluenceAtTime(
    [property: Id(0)] ConfluenceSnapshot? Snapshot,
    [property: Id(1)] string? NotHeldReason,
    [property: Id(2)] IReadOnlyDictionary<Timeframe, BarRecord>? Bars = null)
{
    public static ConfluenceAtTime Found(ConfluenceSnapshot snapshot) => new(snapshot, null);

    public static ConfluenceAtTime NotHeld(string reason) => new(null, reason);
}

/// <summary>The current confluence and the latest bar of every timeframe that has one, at one version.</summary>
[GenerateSerializer, Immutable, Alias("TradingAlerts.ConfluenceView")]
public sealed record ConfluenceView(
    [property: Id(0)] long Version,
    [property: Id(1)] ConfluenceSnapshot Snapshot,
    [property: Id(2)] IReadOnlyDictionary<Timeframe, BarRecord> Bars);
