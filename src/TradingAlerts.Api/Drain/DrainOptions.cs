using System.ComponentModel.DataAnnotations;

namespace TradingAlerts.Api.Drain;

/// <summary>How a silo leaves the load balancer before it stops (section "Drain"; docs/deployment.md, "Drain before stop").</summary>
public sealed class DrainOptions
{
    public const string Section = "Drain";

    /// <summary>
    /// How long a stopping silo keeps serving while <c>/health/ready</c> answers 503, so the load balancer takes it
    /// out of rotation first: at least HAProxy's <c>inter × fall</c> (2 s × 2 in deploy/haproxy.cfg) or the
    /// Kubernetes readiness probe's <c>periodSeconds × failureThreshold</c>, and well inside
    /// <c>terminationGracePeriodSeconds</c>. 0 in Development, where nothing balances.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>The <c>retry:</c> a stream's closing <c>reconnect</c> event gives its client, in whole milliseconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ReconnectAfter { get; set; } = TimeSpan.FromSeconds(1);
}
