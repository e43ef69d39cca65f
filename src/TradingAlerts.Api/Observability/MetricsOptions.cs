using System.ComponentModel.DataAnnotations;

namespace TradingAlerts.Api.Observability;

/// <summary>OpenTelemetry metrics (section "Metrics"): Prometheus text on the admin port's <c>/metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Export metrics on the admin port (<c>OrleansDashboard:Port</c>); Kestrel then listens on it.</summary>
    public bool Enabled { get; set; }

    /// <summary>How often the pair-freshness and ingest-status gauges are sampled from the grid.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(15);
}
