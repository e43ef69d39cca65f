using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Silo.Api;

/// <summary>
/// The bars an indicators response (or a live <c>bar</c> event) holds: index-aligned series, oldest first, each number
/// column's values, the momentum candles keyed by bar time, and the latest bar's indicators (the structures).
/// </summary>
internal sealed record ResponseBars(
    long[] Time, double[] Open, double[] High, double[] Low, double[] Close,
    Func<NumberIndicatorColumn, double?[]> Numbers, MomentumCandleInfo[] MomentumCandles, IndicatorValues? Latest)
{
    public int Count => Time.Length;

    /// <summary>A grain's snapshot.</summary>
    public static ResponseBars Of(BarSeriesSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new(snapshot.Time, snapshot.Open, snapshot.High, snapshot.Low, snapshot.Close,
            column => column.Series(snapshot), snapshot.MomentumCandles, snapshot.LatestIndicators);
    }

    /// <summary>Bars as records (ordered by time), their momentum candles and the latest bar's indicators.</summary>
    public static ResponseBars Of(IReadOnlyList<BarRecord> bars, MomentumCandleInfo[] momentum, IndicatorValues? latest) =>
        new([.. bars.Select(b => b.Time)], [.. bars.Select(b => b.Open)], [.. bars.Select(b => b.High)],
            [.. bars.Select(b => b.Low)], [.. bars.Select(b => b.Close)],
            column => [.. bars.Select(b => column.Value(b.Indicators))], momentum, latest);
}
