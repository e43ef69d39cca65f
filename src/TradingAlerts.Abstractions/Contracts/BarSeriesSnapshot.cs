namespace TradingAlerts.Abstractions.Contracts;

/// <summary>
/// The latest bars of a pair as the grid holds them: index-aligned series, oldest first, plus the
/// structure snapshot of the latest bar (fractals, lines, zigzag, keltner). <see cref="Version"/>
/// changes whenever the grain's bars change, so it can serve as an HTTP ETag. The volume series came later (their ids
/// follow): a snapshot from a silo without them has them null, read as 0 (<see cref="TickVolumeAt"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("TradingAlerts.BarSeriesSnapshot")]
public sealed record BarSeriesSnapshot(
    [property: Id(0)] string PairKey,
    [property: Id(1)] long Version,
    [property: Id(2)] long[] Time,
    [property: Id(3)] double[] Open,
    [property: Id(4)] double[] High,
    [property: Id(5)] double[] Low,
    [property: Id(6)] double[] Close,
    [property: Id(7)] double?[] Tema,
    [property: Id(8)] double?[] Hrma,
    [property: Id(9)] double?[] Smma,
    [property: Id(10)] MomentumCandleInfo[] MomentumCandles,
    [property: Id(11)] IndicatorValues? LatestIndicators,
    [property: Id(12)] long[]? TickVolume = null,
    [property: Id(13)] int[]? Spread = null,
    [property: Id(14)] long[]? RealVolume = null)
{
    public int Count => Time.Length;

    public long TickVolumeAt(int i) => TickVolume is { } v ? v[i] : 0;

    public int SpreadAt(int i) => Spread is { } v ? v[i] : 0;

    public long RealVolumeAt(int i) => RealVolume is { } v ? v[i] : 0;
}

/// <summary>A momentum candle of one bar (momentum_candles in docs/architecture.md#indicator-json).</summary>
[GenerateSerializer, Immutable, Alias("TradingAlerts.MomentumCandleInfo")]
public readonly record struct MomentumCandleInfo(
    [property: Id(0)] long Time,
    [property: Id(1)] bool Bullish,
    [property: Id(2)] double BodyRatio);
