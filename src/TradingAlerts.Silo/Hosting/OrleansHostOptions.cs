using System.ComponentModel.DataAnnotations;

namespace TradingAlerts.Silo.Hosting;

/// <summary>Orleans identity, ports, address and lifecycle of this silo (section "Orleans").</summary>
public sealed class OrleansHostOptions
{
    public const string Section = "Orleans";

    /// <summary>Orleans' <c>ClusterMembershipOptions</c> (probe timeout, missed probes, votes), bound as they are named.</summary>
    public const string MembershipSection = "Orleans:Membership";

    /// <summary>Orleans' <c>ActivationRebalancerOptions</c> (due time, cycle period, …), bound as they are named.</summary>
    public const string RebalancerSection = "Orleans:Rebalancer";

    [Required]
    public string ClusterId { get; set; } = "tradingalerts-dev";

    [Required]
    public string ServiceId { get; set; } = "tradingalerts";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos and clients reach this silo at (cluster mode); default: this host's address.</summary>
    public string? AdvertisedIP { get; set; }

    /// <summary>
    /// How long a stopping silo may take: Orleans deactivates its grains and leaves the membership table
    /// within it, so callers move to the other silos without waiting for failure detection.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Cluster mode: Orleans' activation rebalancer moves grains from busy silos to ones that joined later, so a
    /// scale-out shares the pairs instead of leaving them all on the silo that activated them first. Off until
    /// RollingRestartTests passes with it on (a stream follower missed bars of a pair while grains moved).
    /// </summary>
    public bool Rebalancing { get; set; }

    /// <summary>
    /// Kubernetes hosting (pod name, namespace and IP from the downward API; defunct silo pods deleted).
    /// Null = on when the process runs in a pod (KUBERNETES_SERVICE_HOST is set).
    /// </summary>
    public bool? Kubernetes { get; set; }
}
