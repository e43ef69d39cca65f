using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Indicators;

/// <summary>
/// Builds all nine timeframes from one stream of finer bars (M1 or M5, in time order): each timeframe
/// aggregates exact OHLC and runs its own indicator engine, as MT5 does per timeframe.
/// </summary>
public sealed class MultiTimeframeBuilder
{
    private readonly (BarAggregator Aggregator, TimeframeIndicatorEngine Engine)[] _timeframes;

    public MultiTimeframeBuilder(IndicatorSettings? settings = null)
    {
        _timeframes = [.. Timeframes.All.Select(tf => (new BarAggregator(tf), new TimeframeIndicatorEngine(settings)))];
    }

    /// <summary>Adds a finer bar; returns the bars it closed (at most one per timeframe), shortest timeframe first.</summary>
    public List<TimeframeBar> Add(Ohlc input)
    {
        var closed = new List<TimeframeBar>();
        foreach (var (aggregator, engine) in _timeframes)
        {
            if (aggregator.Add(input) is { } bar)
            {
                closed.Add(new TimeframeBar(aggregator.Timeframe, bar, engine.Close(bar), IsClosed: true));
            }
        }

        return closed;
    }

    /// <summary>The forming bar of every timeframe with its current indicator values (nothing is committed).</summary>
    public List<TimeframeBar> Forming()
    {
        var forming = new List<TimeframeBar>();
        foreach (var (aggregator, engine) in _timeframes)
        {
            if (aggregator.Forming is { } bar)
            {
                forming.Add(new TimeframeBar(aggregator.Timeframe, bar, engine.Evaluate(bar), IsClosed: false));
            }
        }

        return forming;
    }

    /// <summary>
    /// One collector cycle, as the MQL5 service writes it: every bar the inputs closed, then the forming bar
    /// of every timeframe with its current values.
    /// </summary>
    public List<TimeframeBar> Cycle(IEnumerable<Ohlc> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var rows = new List<TimeframeBar>();
        foreach (var input in inputs)
        {
            rows.AddRange(Add(input));
        }

        rows.AddRange(Forming());
        return rows;
    }
}
