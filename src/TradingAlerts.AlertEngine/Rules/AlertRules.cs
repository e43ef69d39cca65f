using System.Globalization;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.AlertEngine.Rules;

/// <summary>
/// The rules and what they remember between updates. An alert fires on a change of state (the score reaching
/// the threshold, a close crossing a line, a close leaving the band), never again while the state holds; the
/// first update of a symbol or pair only sets the baseline, so a restart does not repeat standing conditions.
/// Not thread-safe: one caller at a time.
/// </summary>
public sealed class AlertRules(AlertOptions options)
{
    private readonly Dictionary<string, bool> _confluenceAbove = new(StringComparer.Ordinal);
    private readonly Dictionary<Pair, PairState> _pairs = [];

    public IReadOnlyList<Alert> Evaluate(ConfluenceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (options.ConfluenceThreshold is not { } threshold)
        {
            return [];
        }

        var above = snapshot.Score >= threshold;
        var fires = _confluenceAbove.TryGetValue(snapshot.Symbol, out var was) && !was && above;
        _confluenceAbove[snapshot.Symbol] = above;
        if (!fires)
        {
            return [];
        }

        var direction = snapshot.Bullish > snapshot.Bearish ? "bullish" : snapshot.Bearish > snapshot.Bullish ? "bearish" : "neutral";
        return [new Alert("confluence", snapshot.Symbol, null, snapshot.Time, snapshot.Score, threshold, direction,
            Invariant($"{snapshot.Symbol} confluence {snapshot.Score:0.0} reached {threshold:0.0} ({direction}: {snapshot.Bullish} bullish, {snapshot.Bearish} bearish)"))];
    }

    /// <summary>Evaluates a pair's bars in order (as a bar update carries them); re-sent older versions are ignored.</summary>
    public IReadOnlyList<Alert> Evaluate(Pair pair, IEnumerable<BarRecord> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var alerts = new List<Alert>();
        foreach (var bar in bars)
        {
            Evaluate(pair, bar, alerts);
        }

        return alerts;
    }

    private void Evaluate(Pair pair, BarRecord bar, List<Alert> alerts)
    {
        if (!_pairs.TryGetValue(pair, out var state))
        {
            _pairs[pair] = new PairState(bar.Time, bar.Seq, bar.Close, KeltnerSide(bar)?.Side, []);
            return;
        }

        if (bar.Time < state.Time || (bar.Time == state.Time && bar.Seq <= state.Seq))
        {
            return; // an older version than the one already evaluated
        }

        var lineSides = new Dictionary<double, int>();
        if (options.Trendlines)
        {
            foreach (var (kind, level) in BarLevels.HorizontalLines(bar.Indicators))
            {
                // The side a close was last strictly on: touching the line is not crossing it, going through via a touch is.
                var was = state.LineSides.TryGetValue(level, out var remembered) ? remembered : Math.Sign(state.Close - level);
                var @is = Math.Sign(bar.Close - level);
                if (was != 0 && @is != 0 && was != @is)
                {
                    var direction = @is > 0 ? "up" : "down";
                    alerts.Add(new Alert("trendline", pair.Symbol, pair.Timeframe.Name(), bar.Time, bar.Close, level, direction,
                        Invariant($"{pair.Key} close {bar.Close} crossed {direction} through the {kind} line at {level}")));
                }

                lineSides[level] = @is != 0 ? @is : was;
            }
        }

        var side = KeltnerSide(bar);
        if (side is { Side: not Side.Inside } now && state.Keltner is { } before && before != now.Side)
        {
            var word = now.Side == Side.Above ? "above" : "below";
            alerts.Add(new Alert("keltner", pair.Symbol, pair.Timeframe.Name(), bar.Time, bar.Close, now.Level, word,
                Invariant($"{pair.Key} close {bar.Close} {word} Keltner band {options.KeltnerBand} at {now.Level}")));
        }

        _pairs[pair] = new PairState(bar.Time, bar.Seq, bar.Close, side?.Side ?? state.Keltner, lineSides);
    }

    private (Side Side, double Level)? KeltnerSide(BarRecord bar)
    {
        if (options.KeltnerBand is not { } band || BarLevels.KeltnerBand(bar.Indicators, band) is not var (upper, lower))
        {
            return null;
        }

        return bar.Close > upper ? (Side.Above, upper) : bar.Close < lower ? (Side.Below, lower) : (Side.Inside, 0);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private enum Side
    {
        Inside,
        Above,
        Below,
    }

    /// <summary>The newest version evaluated, and per line level of that bar the side its closes were last strictly on.</summary>
    private sealed record PairState(long Time, long Seq, double Close, Side? Keltner, Dictionary<double, int> LineSides);
}
