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
    [property: Id(8)] long WrittenAtMs);
