using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Grains.Signals;

/// <summary>
/// The signals of one timeframe from its latest bar (docs/architecture.md#signals-and-the-confluence-score). Each votes +1 (bullish), −1 (bearish)
/// or 0; a signal whose inputs are missing does not vote and does not count as available.
/// trend = bullish when the net is ≥ +2, bearish when ≤ −2, else neutral; strength = |net| / available.
/// </summary>
public static class SignalCalculator
{
    public const string CloseVsTema = "close_vs_tema";
    public const string CloseVsHrma = "close_vs_hrma";
    public const string CloseVsSmma = "close_vs_smma";
    public const string MaStack = "ma_stack";
    public const string Keltner = "keltner";
    public const string ZigZag = "zigzag_structure";
    public const string FractalBreak = "fractal_break";
    public const string Momentum = "momentum";
    public const string LineBreak = "horizontal_break";

    /// <param name="bar">The latest bar.</param>
    /// <param name="structures">Its parsed structures.</param>
    /// <param name="recentMomentum">+1/−1 for the latest momentum candle among recent bars, 0 for none.</param>
    public static TimeframeSignal Compute(BarRecord bar, StructureSnapshot structures, int recentMomentum)
    {
        ArgumentNullException.ThrowIfNull(bar);
        ArgumentNullException.ThrowIfNull(structures);
        var votes = new Dictionary<string, int>();
        var close = bar.Close;
        var v = bar.Indicators;
        Vote(votes, CloseVsTema, v.Tema is { } tema ? Sign(close - tema) : null);
        Vote(votes, CloseVsHrma, v.Hrma is { } hrma ? Sign(close - hrma) : null);
        Vote(votes, CloseVsSmma, v.Smma is { } smma ? Sign(close - smma) : null);
        Vote(votes, MaStack, v is { Tema: { } t, Hrma: { } h, Smma: { } s }
            ? (t > h && h > s ? 1 : t < h && h < s ? -1 : 0)
            : null);
        Vote(votes, Keltner, structures.KeltnerMiddle is { } middle ? Sign(close - middle) : null);
        Vote(votes, ZigZag, structures is { ZigZagPeaks.Length: 2, ZigZagBottoms.Length: 2 }
            ? ZigZagVote(structures.ZigZagPeaks, structures.ZigZagBottoms)
            : null);
        Vote(votes, FractalBreak, structures.LastFractalPeak is null && structures.LastFractalBottom is null
            ? null
            : close > structures.LastFractalPeak ? 1 : close < structures.LastFractalBottom ? -1 : 0);
        Vote(votes, Momentum, recentMomentum);
        Vote(votes, LineBreak, structures.PeakLine is null && structures.BottomLine is null
            ? null
            : close > structures.PeakLine ? 1 : close < structures.BottomLine ? -1 : 0);

        var net = votes.Values.Sum();
        var trend = net >= 2 ? Trend.Bullish : net <= -2 ? Trend.Bearish : Trend.Neutral;
        var strength = votes.Count == 0 ? 0 : (double)Math.Abs(net) / votes.Count;
        return new TimeframeSignal(bar.Timeframe, bar.Time, trend, strength, votes);
    }

    /// <summary>Higher highs and higher lows: +1; lower highs and lower lows: −1; anything else 0.</summary>
    private static int ZigZagVote(double[] peaks, double[] bottoms) =>
        peaks[1] > peaks[0] && bottoms[1] > bottoms[0] ? 1
        : peaks[1] < peaks[0] && bottoms[1] < bottoms[0] ? -1
        : 0;

    private static int Sign(double difference) => difference > 0 ? 1 : difference < 0 ? -1 : 0;

    private static void Vote(Dictionary<string, int> votes, string name, int? vote)
    {
        if (vote is { } v)
        {
            votes[name] = v;
        }
    }
}
