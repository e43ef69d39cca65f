using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Abstractions.Contracts;

/// <summary>
/// One bar of one timeframe with its indicators, as the collector wrote it and the grid holds it.
/// </summary>
/// <param name="Timeframe">Timeframe of the bar (each timeframe is collected with its own indicators).</param>
/// <param name="Time">Bar open time, unix seconds, broker server time as MT5 reports it.</param>
/// <param name="Indicators">Indicator values computed on this timeframe.</param>
/// <param name="Seq">Collector change sequence of this version of the row.</param>
/// <param name="WrittenAtMs">Unix milliseconds (UTC) when the collector wrote this version.</param>
/// <param name="TickVolume">Ticks (price changes) in the bar, MT5's <c>tick_volume</c>; 0 where the source has none.</param>
/// <param name="Spread">Spread in points as MT5 reports it for the bar (<c>spread</c>); 0 where the source has none.</param>
/// <param name="RealVolume">Traded volume where the broker reports it (<c>real_volume</c>, exchange instruments); else 0.</param>
/// <remarks>
/// The volume fields came after the others: their ids follow, and a silo that does not know them (a rolling upgrade)
/// reads a bar without them as 0, while its own bars reach a newer silo with 0.
/// </remarks>
[GenerateSerializer, Immutable, Alias("TradingAlerts.BarRecord")]
public sealed record BarRecord(
    [property: Id(0)] Timeframe Timeframe,
    [property: Id(1)] long Time,
    [property: Id(2)] double Open,
    [property: Id(3)] double High,
    [property: Id(4)] double Low,
    [property: Id(5)] double Close,
    [property: Id(6)] IndicatorValues Indicators,
    [property: Id(7)] long Seq,
    [property: Id(8)] long WrittenAtMs,
    [property: Id(9)] long TickVolume = 0,
    [property: Id(10)] int Spread = 0,
    [property: Id(11)] long RealVolume = 0);
