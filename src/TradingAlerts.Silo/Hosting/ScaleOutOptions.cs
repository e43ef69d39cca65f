using System.ComponentModel.DataAnnotations;

namespace TradingAlerts.Silo.Hosting;

/// <summary>How a silo of a scaled-out cluster stops and where it runs (section "Orleans", next to its identity).</summary>
public sealed class ScaleOutOptions
{
    public const string Section = "Orleans";

    /// <summary>
    /// How long a stopping silo may take: Orleans deactivates its grains and leaves the membership table
    /// within it, so callers move to the other silos without waiting for failure detection.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Kubernetes hosting (pod name, namespace and IP from the downward API; defunct silo pods deleted).
    /// Null = on when the process runs in a pod (KUBERNETES_SERVICE_HOST is set).
    /// </summary>
    public bool? Kubernetes { get; set; }
}

/// <summary>The Orleans dashboard on its own admin port (section "OrleansDashboard"); off by default.</summary>
public sealed class AdminDashboardOptions
{
    public const string Section = "OrleansDashboard";

    public bool Enabled { get; set; }

    /// <summary>Admin port the dashboard answers on; the API port never serves it.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 8081;
}
