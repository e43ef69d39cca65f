using System.Diagnostics.Metrics;

namespace TradingAlerts.Ingest;

/// <summary>Ingest metrics (meter "TradingAlerts.Ingest"): rows, quarantined rows, lag = now − written_at.</summary>
public sealed class IngestMetrics : IDisposable
{
    public const string MeterName = "TradingAlerts.Ingest";

    private readonly Meter _meter;

    public IngestMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        Rows = _meter.CreateCounter<long>("tradingalerts.ingest.rows", "{row}", "Collector rows made durable in the grid");
        Quarantined = _meter.CreateCounter<long>("tradingalerts.ingest.quarantined", "{row}", "Collector rows rejected by validation and recorded in the quarantine file (tag: symbol)");
        Failures = _meter.CreateCounter<long>("tradingalerts.ingest.failures", "{failure}", "Failed ingest attempts (retried with back-off)");
        Lag = _meter.CreateHistogram<double>("tradingalerts.ingest.lag", "ms", "Time from the collector's write to durability in the grid");
    }

    public Counter<long> Rows { get; }

    public Counter<long> Quarantined { get; }

    public Counter<long> Failures { get; }

    public Histogram<double> Lag { get; }

    public void Dispose() => _meter.Dispose();
}
