using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TradingAlerts.Ingest;

/// <summary>
/// Ingest metrics of the agent's process (meter "TradingAlerts.Ingest"): rows and lag = now − written_at per file and
/// symbol, quarantined rows, failures. The silos count what they applied themselves (meter "TradingAlerts.Grid").
/// </summary>
public sealed class IngestMetrics : IDisposable
{
    public const string MeterName = "TradingAlerts.Ingest";

    private readonly Meter _meter;

    public IngestMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        Rows = _meter.CreateCounter<long>("tradingalerts.ingest.rows", "{row}", "Collector rows made durable in the grid (tags: file, symbol)");
        Quarantined = _meter.CreateCounter<long>("tradingalerts.ingest.quarantined", "{row}", "Collector rows rejected by validation and recorded in the quarantine file (tag: symbol)");
        Failures = _meter.CreateCounter<long>("tradingalerts.ingest.failures", "{failure}", "Failed ingest attempts (retried with back-off)");
        Lag = _meter.CreateHistogram<double>("tradingalerts.ingest.lag", "ms", "Time from the collector's write to durability in the grid (tags: file, symbol)");
    }

    public Counter<long> Rows { get; }

    public Counter<long> Quarantined { get; }

    public Counter<long> Failures { get; }

    public Histogram<double> Lag { get; }

    /// <summary>The tags rows and lag carry: the collector file's name and the symbol.</summary>
    public static TagList Tags(string file, string symbol) =>
        new() { { "file", Path.GetFileName(file) }, { "symbol", symbol } };

    public void Dispose() => _meter.Dispose();
}
