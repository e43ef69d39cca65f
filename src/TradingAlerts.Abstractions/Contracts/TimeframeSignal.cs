using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Abstractions.Contracts;

/// <summary>
/// The signals of one timeframe computed from its latest bar (docs/architecture.md#signals-and-the-confluence-score). Each signal votes +1, −1 or 0;
/// trend is bullish when the net is at least +2, bearish at most −2; strength = |net| / available.
/// </summary>
/// <param name="Timeframe">Timeframe the signal belongs to.</param>
/// <param name="BarTime">Open time of the bar the signal was computed from.</param>
/// <param name="Trend">Net direction.</param>
/// <param name="Strength">|net| / signals available, 0..1.</param>
/// <param name="Votes">Each named signal's vote (+1, −1, 0); absent when the indicator had no value.</param>
[GenerateSerializer, Immutable, Alias("TradingAlerts.TimeframeSignal")]
public sealed record TimeframeSignal(
    [property: Id(0)] Timeframe Timeframe,
    [property: Id(1)] long BarTime,
    [property: Id(2)] Trend Trend,
    [property: Id(3)] double Strength,
    [property: Id(4)] IReadOnlyDictionary<string, int> Votes);

/// <summary>Direction of one timeframe's signals.</summary>
public enum Trend
{
    Neutral,
    Bullish,
    Bearish,
}
