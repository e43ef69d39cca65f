using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Indicators.Synthetic;

/// <summary>
/// A synthetic feed for several instruments: a random walk per symbol (seeded from the symbol, so
/// runs are repeatable) driving that symbol's nine timeframes. History comes as whole M5 bars and
/// yields closed bars only (as the MQL5 backfill writes them); live steps are short spans of the
/// forming bar and yield collector cycles (closed bars plus every forming bar).
/// </summary>
public sealed class SyntheticMarket
{
    private readonly Dictionary<string, (RandomWalk Walk, MultiTimeframeBuilder Builder)> _symbols;

    public SyntheticMarket(IEnumerable<string> symbols, int seed = 1, IndicatorSettings? settings = null)
    {
        _symbols = symbols.ToDictionary(
            s => s,
            s => (new RandomWalk(InstrumentProfile.All[s], seed + StableHash(s)), new MultiTimeframeBuilder(settings)),
            StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Symbols => _symbols.Keys;

    /// <summary>
    /// Closed bars of <paramref name="symbol"/> for M5 bars opening in [<paramref name="from"/>, <paramref name="to"/>),
    /// in time order. Bars still forming at <paramref name="to"/> stay in the builder.
    /// </summary>
    public IEnumerable<TimeframeBar> History(string symbol, long from, long to)
    {
        var (walk, builder) = _symbols[symbol];
        for (var time = Timeframe.M5.BucketStart(from); time < to; time += Timeframe.M5.Seconds())
        {
            foreach (var bar in builder.Add(walk.Next(time)))
            {
                yield return bar;
            }
        }
    }

    /// <summary>One live cycle of <paramref name="symbol"/>: the price moves over [<paramref name="time"/>, +<paramref name="seconds"/>).</summary>
    public List<TimeframeBar> Step(string symbol, long time, int seconds)
    {
        var (walk, builder) = _symbols[symbol];
        return builder.Cycle([walk.Next(time, seconds)]);
    }

    /// <summary>The forming bars of <paramref name="symbol"/> with current values.</summary>
    public List<TimeframeBar> Forming(string symbol) => _symbols[symbol].Builder.Forming();

    // string.GetHashCode is randomized per process; seeds must be stable across runs.
    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash & 0x7fffffff;
    }
}
