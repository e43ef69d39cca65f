using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Grains.Signals;

/// <summary>
/// The confluence of the nine timeframes, kept incrementally: replacing one timeframe's signal adjusts
/// the bullish/bearish counts and the strength sum in O(1). A timeframe without a signal counts as
/// neutral with strength 0. alignment = |bullish − bearish| / 9, avgStrength = Σstrength / 9,
/// score = round1(5·alignment + 5·avgStrength), 0..10.
/// </summary>
public sealed class ConfluenceScore
{
    private readonly Dictionary<Timeframe, TimeframeSignal> _signals = [];
    private int _bullish, _bearish;
    private double _strengthSum;

    public IReadOnlyDictionary<Timeframe, TimeframeSignal> Signals => _signals;

    public int Bullish => _bullish;

    public int Bearish => _bearish;

    public int Neutral => Timeframes.All.Count - _bullish - _bearish;

    public double Score => Compute(_bullish, _bearish, _strengthSum);

    /// <summary>Replaces the timeframe's signal; returns false when it equals the held one.</summary>
    public bool Update(TimeframeSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (_signals.TryGetValue(signal.Timeframe, out var old))
        {
            if (SameSignal(old, signal))
            {
                return false;
            }

            Count(old, -1);
        }

        _signals[signal.Timeframe] = signal;
        Count(signal, +1);
        return true;
    }

    /// <summary>The score formula on its own, for a past set of signals.</summary>
    public static double Compute(int bullish, int bearish, double strengthSum)
    {
        var n = Timeframes.All.Count;
        var alignment = Math.Abs(bullish - bearish) / (double)n;
        var averageStrength = strengthSum / n;
        return Math.Clamp(Math.Round((alignment * 5) + (averageStrength * 5), 1, MidpointRounding.AwayFromZero), 0, 10);
    }

    /// <summary>The confluence of a set of signals (a timeframe absent from <paramref name="signals"/> is neutral).</summary>
    public static ConfluenceSnapshot Snapshot(string symbol, long time, IReadOnlyDictionary<Timeframe, TimeframeSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var bullish = signals.Values.Count(s => s.Trend == Trend.Bullish);
        var bearish = signals.Values.Count(s => s.Trend == Trend.Bearish);
        var score = Compute(bullish, bearish, signals.Values.Sum(s => s.Strength));
        return new ConfluenceSnapshot(symbol, time, score, bullish, bearish, Timeframes.All.Count - bullish - bearish, signals);
    }

    public static bool SameSignal(TimeframeSignal a, TimeframeSignal b) =>
        a.Timeframe == b.Timeframe && a.BarTime == b.BarTime && a.Trend == b.Trend && a.Strength == b.Strength
        && a.Votes.Count == b.Votes.Count && a.Votes.All(kv => b.Votes.TryGetValue(kv.Key, out var x) && x == kv.Value);

    private void Count(TimeframeSignal signal, int sign)
    {
        if (signal.Trend == Trend.Bullish)
        {
            _bullish += sign;
        }
        else if (signal.Trend == Trend.Bearish)
        {
            _bearish += sign;
        }

        _strengthSum += sign * signal.Strength;
    }
}
