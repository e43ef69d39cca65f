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
        Wakeups = _meter.CreateCounter<long>("tradingalerts.ingest.wakeups", "{wakeup}", "Idle symbol loops woken, by cause: notification (a change of the file or its WAL), fallback (FallbackPollInterval passed), poll (polling without notifications) (tags: file, cause)");
        Reads = _meter.CreateCounter<long>("tradingalerts.ingest.reads", "{read}", "Symbol passes that opened the collector file; an idle file with notifications has about one per FallbackPollInterval (tag: file)");
        Lag = _meter.CreateHistogram<double>("tradingalerts.ingest.lag", "ms", "Time from the collector's write to durability in the grid (tags: file, symbol)");
    }

    public Counter<long> Rows { get; }

    public Counter<long> Quarantined { get; }

    public Counter<long> Failures { get; }

    public Histogram<double> Lag { get; }

    public Counter<long> Wakeups { get; }

    public Counter<long> Reads { get; }

    /// <summary>The tags rows and lag carry: the collector file's name and the symbol.</summary>
    public static TagList Tags(string file, string symbol) =>
        new() { { "file", Path.GetFileName(file) }, { "symbol", symbol } };

    /// <summary>The tags of a wake-up: the collector file's name and why the loop woke.</summary>
    public static TagList WakeupTags(string file, string cause) =>
        new() { { "file", Path.GetFileName(file) }, { "cause", cause } };

    /// <summary>The tag of a read: the collector file's name.</summary>
    public static TagList FileTags(string file) => new() { { "file", Path.GetFileName(file) } };

    public void Dispose() => _meter.Dispose();
}
