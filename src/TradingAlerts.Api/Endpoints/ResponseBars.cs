using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Api.Endpoints;

/// <summary>
/// The bars an indicators response (or a live <c>bar</c> event) holds: index-aligned series, oldest first, each number
/// column's values, the momentum candles keyed by bar time, and the latest bar's indicators (the structures); per bar
/// whether it is closed (a later bar of the pair exists) and, in stream events, its change position; per bar MT5's tick
/// volume, spread (points) and real volume.
/// </summary>
internal sealed record ResponseBars(
    long[] Time, double[] Open, double[] High, double[] Low, double[] Close,
    Func<NumberIndicatorColumn, double?[]> Numbers, MomentumCandleInfo[] MomentumCandles, IndicatorValues? Latest,
    long[] TickVolume, int[] Spread, long[] RealVolume,
    bool[] Closed, long[]? Positions = null)
{
    public int Count => Time.Length;

    /// <summary>A grain's snapshot: its newest bar is the pair's latest, the forming one; every earlier bar is closed.</summary>
    public static ResponseBars Of(BarSeriesSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new(snapshot.Time, snapshot.Open, snapshot.High, snapshot.Low, snapshot.Close,
            column => column.Series(snapshot), snapshot.MomentumCandles, snapshot.LatestIndicators,
            [.. Enumerable.Range(0, snapshot.Count).Select(snapshot.TickVolumeAt)], [.. Enumerable.Range(0, snapshot.Count).Select(snapshot.SpreadAt)],
            [.. Enumerable.Range(0, snapshot.Count).Select(snapshot.RealVolumeAt)],
            [.. Enumerable.Range(0, snapshot.Count).Select(i => i < snapshot.Count - 1)]);
    }

    /// <summary>Bar versions (ordered by time) with their closed flags and positions, their momentum candles and the latest bar's indicators.</summary>
    public static ResponseBars Of(IReadOnlyList<BarVersion> versions, MomentumCandleInfo[] momentum, IndicatorValues? latest)
    {
        var bars = versions.Select(v => v.Bar).ToArray();
        return new([.. bars.Select(b => b.Time)], [.. bars.Select(b => b.Open)], [.. bars.Select(b => b.High)],
            [.. bars.Select(b => b.Low)], [.. bars.Select(b => b.Close)],
            column => [.. bars.Select(b => column.Value(b.Indicators))], momentum, latest,
            [.. bars.Select(b => b.TickVolume)], [.. bars.Select(b => b.Spread)], [.. bars.Select(b => b.RealVolume)],
            [.. versions.Select(v => v.Closed)], [.. versions.Select(v => v.Position)]);
    }
}
