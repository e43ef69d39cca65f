namespace TradingAlerts.Silo.Hosting;

/// <summary>Schema bootstrap at startup (section "Database"); opt-in, needs ConnectionStrings:Postgres.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply sql/ (bar tables, Orleans tables, TimescaleDB where available) before the silo starts.</summary>
    public bool ApplySchemaOnStartup { get; set; }

    /// <summary>Also apply sql/seed_data.sql (development data). Ignored unless the schema is applied.</summary>
    public bool ApplyDevSeed { get; set; }
}
