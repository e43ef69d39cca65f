using System.ComponentModel.DataAnnotations;

namespace TradingAlerts.Api.Admin;

/// <summary>The Orleans dashboard on its own admin port (section "OrleansDashboard"); off by default.</summary>
public sealed class AdminDashboardOptions
{
    public const string Section = "OrleansDashboard";

    public bool Enabled { get; set; }

    /// <summary>Admin port the dashboard (and <c>/metrics</c>) answer on; the API port never serves them.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 8081;
}
