using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Grains.Bars;

namespace TradingAlerts.Grains.Signals;

/// <summary>
/// Signals from stored bars, computed as a TimeframeGrain computes them when a bar is its latest: the rules on
/// that bar and its structures, and the momentum vote from the bars within <see cref="TimeframeGrain.MomentumLookback"/>.
/// </summary>
public static class StoredSignals
{
    /// <summary>Bars per timeframe a signal needs: the bar itself and those its momentum vote looks back over.</summary>
    public const int BarsNeeded = TimeframeGrain.MomentumLookback;

    /// <summary>
    /// The stored bars as a TimeframeGrain holds them after rehydrating: a bar without usable prices skipped, a value
    /// that cannot be used missing (rows written before the reader checked shapes, or changed by hand), so nothing
    /// computed or served from them throws, and a rebuilt signal equals the timeframe grain's.
    /// </summary>
    public static Dictionary<Timeframe, List<BarRecord>> Usable(IReadOnlyDictionary<Timeframe, List<BarRecord>> stored, List<string> faults)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored
            .Select(pair => (pair.Key, Bars: pair.Value.Where(b => BarCheck.PriceFault(b) is null).Select(b => BarCheck.WithoutUnusableValues(b, faults)).ToList()))
            .Where(pair => pair.Bars.Count > 0)
            .ToDictionary(pair => pair.Key, pair => pair.Bars);
    }

    /// <summary>The signal of the last of <paramref name="recent"/> (oldest first, at least one bar).</summary>
    public static TimeframeSignal Signal(IReadOnlyList<BarRecord> recent)
    {
        ArgumentNullException.ThrowIfNull(recent);
        var latest = recent[^1];
        return SignalCalculator.Compute(latest, StructureSnapshot.Parse(latest.Indicators), RecentMomentum(recent));
    }

    /// <summary>The confluence at <paramref name="time"/> from each timeframe's bars at or before it (a timeframe without bars is neutral).</summary>
    public static ConfluenceSnapshot Confluence(string symbol, long time, IReadOnlyDictionary<Timeframe, List<BarRecord>> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var signals = bars.Where(b => b.Value.Count > 0).ToDictionary(b => b.Key, b => Signal(b.Value));
        return ConfluenceScore.Snapshot(symbol, time, signals);
    }

    /// <summary>As <see cref="Bars.BarSeries.RecentMomentum"/>: the direction of the newest momentum candle within the lookback, 0 for none.</summary>
    private static int RecentMomentum(IReadOnlyList<BarRecord> recent)
    {
        for (var i = recent.Count - 1; i >= Math.Max(0, recent.Count - BarsNeeded); i--)
        {
            if (MomentumJson.Parse(recent[i].Indicators.MomentumCandles) is { } candle)
            {
                return candle.Bullish ? 1 : -1;
            }
        }

        return 0;
    }
}
