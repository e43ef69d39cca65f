namespace TradingAlerts.Abstractions.Contracts;

/// <summary>A momentum candle of one bar (momentum_candles in docs/architecture.md#indicator-json).</summary>
[GenerateSerializer, Immutable, Alias("TradingAlerts.MomentumCandleInfo")]
public readonly record struct MomentumCandleInfo(
    [property: Id(0)] long Time,
    [property: Id(1)] bool Bullish,
    [property: Id(2)] double BodyRatio);
