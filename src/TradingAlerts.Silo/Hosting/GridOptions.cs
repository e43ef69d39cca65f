using System.ComponentModel.DataAnnotations;

namespace TradingAlerts.Silo.Hosting;

/// <summary>Orleans identity, ports and address of this silo (section "Orleans").</summary>
public sealed class OrleansHostOptions
{
    public const string Section = "Orleans";

    /// <summary>Orleans' <c>ClusterMembershipOptions</c> (probe timeout, missed probes, votes), bound as they are named.</summary>
    public const string MembershipSection = "Orleans:Membership";

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
}

/// <summary>Schema bootstrap at startup (section "Database"); opt-in, needs ConnectionStrings:Postgres.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply sql/ (bar tables, Orleans tables, TimescaleDB where available) before the silo starts.</summary>
    public bool ApplySchemaOnStartup { get; set; }

    /// <summary>Also apply sql/seed_data.sql (development data). Ignored unless the schema is applied.</summary>
    public bool ApplyDevSeed { get; set; }
}
