using System.Globalization;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.AlertEngine.Rules;

/// <summary>
/// The rules of docs/alert-engine.md and what they remember between updates. By default a bar is evaluated once,
/// when it is closed (its first version flagged closed, or the first version of a later bar), at the newest version
/// held; with <see cref="AlertOptions.Intrabar"/> every version is. An alert fires on a change of state against the
/// previous evaluated bar (a close crossing a line, a close leaving the band, the score reaching the threshold); the
/// first evaluation of a pair or symbol only sets the baseline. Not thread-safe: one caller at a time.
/// </summary>
public sealed class AlertRules(AlertOptions options)
{
    private readonly Dictionary<string, ConfluenceRuleState> _confluence = new(StringComparer.Ordinal);
    private readonly Dictionary<Pair, PairEvaluation> _pairs = [];

    /// <summary>Takes up the state a previous run kept (before any update of that pair or symbol).</summary>
    public void Restore(Pair pair, PairRuleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _pairs[pair] = new PairEvaluation
        {
            Resume = state.Resume,
            Last = state.Time is { } time ? new Evaluated(time, state.Close, state.Keltner) : null,
        };
    }

    public void Restore(string symbol, ConfluenceRuleState state) => _confluence[symbol] = state;

    /// <summary>The state to keep for <paramref name="pair"/> (null: nothing received yet).</summary>
    public PairRuleState? State(Pair pair) =>
        _pairs.TryGetValue(pair, out var p) ? new PairRuleState(p.Resume, p.Last?.Time, p.Last?.Close ?? 0, p.Last?.Keltner) : null;

    public ConfluenceRuleState? State(string symbol) => _confluence.GetValueOrDefault(symbol);

    /// <summary>Bars evaluated whose line or band JSON could not be read (evaluated as having none).</summary>
    public long MalformedBars { get; private set; }

    public IReadOnlyList<Alert> Evaluate(ConfluenceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (options.ConfluenceThreshold is not { } threshold)
        {
            return [];
        }

        var known = _confluence.TryGetValue(snapshot.Symbol, out var was);
        if (known && snapshot.Time < was!.Time)
        {
            return []; // an older snapshot than the one evaluated
        }

        var above = snapshot.Score >= threshold;
        _confluence[snapshot.Symbol] = new ConfluenceRuleState(above, snapshot.Time);
        if (!known || was!.Above || !above)
        {
            return [];
        }

        var direction = snapshot.Bullish > snapshot.Bearish ? "bullish" : snapshot.Bearish > snapshot.Bullish ? "bearish" : "neutral";
        return [new Alert(AlertIds.Confluence(snapshot.Symbol, snapshot.Time, threshold), "confluence", snapshot.Symbol, null, snapshot.Time, snapshot.Score, threshold, direction,
            Invariant($"{snapshot.Symbol} confluence {snapshot.Score:0.0} reached {threshold:0.0} ({direction}: {snapshot.Bullish} bullish, {snapshot.Bearish} bearish)"))];
    }

    /// <summary>
    /// Applies a pair's changes (in position order; a reset's bars in time order) and returns what fired. Versions of
    /// bars at or before the last evaluated one are corrections of evaluated bars: they are not evaluated again.
    /// </summary>
    public IReadOnlyList<Alert> Evaluate(Pair pair, PairChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (!_pairs.TryGetValue(pair, out var state))
        {
            _pairs[pair] = state = new PairEvaluation { Resume = changes.After };
        }

        var alerts = new List<Alert>();
        var versions = changes.Reset ? changes.Bars.OrderBy(v => v.Bar.Time) : (IEnumerable<BarVersion>)changes.Bars;
        foreach (var version in versions)
        {
            Apply(pair, state, version, alerts);
        }

        // Resume before the forming bar's first version, so a restart is handed it again; else after everything applied.
        state.Resume = state.Pending is { } pending ? Math.Max(0, pending.FirstPosition - 1) : Math.Max(state.Resume, changes.Position);
        return alerts;
    }

    private void Apply(Pair pair, PairEvaluation state, BarVersion version, List<Alert> alerts)
    {
        var bar = version.Bar;
        if (options.Intrabar)
        {
            if (state.Last is null || bar.Time >= state.Last.Time)
            {
                Close(pair, state, bar, alerts);
            }

            return;
        }

        if (state.Last is { } last && bar.Time <= last.Time)
        {
            return;
        }

        if (state.Pending is { } pending && bar.Time > pending.Bar.Time)
        {
            state.Pending = null;
            Close(pair, state, pending.Bar, alerts); // closed by the first version of a later bar
        }

        if (version.Closed)
        {
            if (state.Pending?.Bar.Time == bar.Time)
            {
                state.Pending = null;
            }

            Close(pair, state, bar, alerts);
        }
        else if (state.Pending is { } forming && forming.Bar.Time == bar.Time)
        {
            state.Pending = forming with { Bar = bar };
        }
        else if (state.Pending is null)
        {
            state.Pending = new Forming(bar, version.Position);
        }

        // else: an older bar than the one forming, not closed: it is evaluated when it closes (its closed version).
    }

    /// <summary>Evaluates <paramref name="bar"/> against the last evaluated bar and makes it the last.</summary>
    private void Close(Pair pair, PairEvaluation state, BarRecord bar, List<Alert> alerts)
    {
        var side = Read(() => KeltnerSide(bar), null);
        if (state.Last is { } last)
        {
            if (options.Trendlines)
            {
                foreach (var (kind, level) in Read(() => BarLevels.HorizontalLines(bar.Indicators), []))
                {
                    var (was, @is) = (Math.Sign(last.Close - level), Math.Sign(bar.Close - level));
                    if (was != 0 && @is != 0 && was != @is)
                    {
                        var direction = @is > 0 ? "up" : "down";
                        alerts.Add(new Alert(AlertIds.Trendline(pair, bar.Time, level, direction), "trendline", pair.Symbol, pair.Timeframe.Name(), bar.Time, bar.Close, level, direction,
                            Invariant($"{pair.Key} close {bar.Close} crossed {direction} through the {kind} line at {level}")));
                    }
                }
            }

            if (side is { Side: not 0 } now && last.Keltner is { } before && before != now.Side && options.KeltnerBand is { } band)
            {
                var word = now.Side > 0 ? "above" : "below";
                alerts.Add(new Alert(AlertIds.Keltner(pair, bar.Time, band, word), "keltner", pair.Symbol, pair.Timeframe.Name(), bar.Time, bar.Close, now.Level, word,
                    Invariant($"{pair.Key} close {bar.Close} {word} Keltner band {band} at {now.Level}")));
            }
        }

        state.Last = new Evaluated(bar.Time, bar.Close, side?.Side);
    }

    /// <summary>A malformed structure is read as none: the bar still closes, and what it can be evaluated on is.</summary>
    private TValue Read<TValue>(Func<TValue> read, TValue none)
    {
        try
        {
            return read();
        }
        catch (System.Text.Json.JsonException)
        {
            MalformedBars++;
            return none;
        }
    }

    /// <summary>1 above the band's upper price, -1 below its lower, 0 inside; null when the rule is off or the bar has no band.</summary>
    private (int Side, double Level)? KeltnerSide(BarRecord bar)
    {
        if (options.KeltnerBand is not { } band || BarLevels.KeltnerBand(bar.Indicators, band) is not var (upper, lower))
        {
            return null;
        }

        return bar.Close > upper ? (1, upper) : bar.Close < lower ? (-1, lower) : (0, 0);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Evaluated(long Time, double Close, int? Keltner);

    /// <summary>The newest version of the bar not yet closed, and the position of its first version seen.</summary>
    private sealed record Forming(BarRecord Bar, long FirstPosition);

    private sealed class PairEvaluation
    {
        public long Resume { get; set; }

        public Evaluated? Last { get; set; }

        public Forming? Pending { get; set; }
    }
}
