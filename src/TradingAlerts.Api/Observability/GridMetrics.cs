using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TradingAlerts.Api.Observability;

/// <summary>
/// What this silo's grains wrote through (meter "TradingAlerts.Grid"): counted where the grains run, so the sum over
/// silos is the grid's, whether the agent runs in a silo or in its own process.
/// </summary>
internal sealed class GridMetrics : IDisposable
{
    public const string MeterName = "TradingAlerts.Grid";

    private readonly Meter _meter;

    public GridMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        RowsWritten = _meter.CreateCounter<long>("tradingalerts.grid.rows_written", "{row}",
            "Bars written through by the timeframe grains of this silo (tag: symbol); the embedded run without PostgreSQL counts them too");
        WriteThrough = _meter.CreateHistogram("tradingalerts.grid.write_through.duration", "s",
            "Duration of one timeframe grain's write-through (one statement per call; tag: outcome ok|error)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    public Counter<long> RowsWritten { get; }

    public Histogram<double> WriteThrough { get; }

    public void RecordWrite(string symbol, int rows, long startTimestamp, bool ok)
    {
        WriteThrough.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, new KeyValuePair<string, object?>("outcome", ok ? "ok" : "error"));
        if (ok)
        {
            RowsWritten.Add(rows, new KeyValuePair<string, object?>("symbol", symbol));
        }
    }

    public void Dispose() => _meter.Dispose();
}
