using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Abstractions.Contracts;

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
