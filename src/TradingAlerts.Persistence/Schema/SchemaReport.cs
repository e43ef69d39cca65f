namespace TradingAlerts.Persistence.Schema;

/// <summary>What the PostgreSQL bootstrapper found and did.</summary>
/// <param name="BarTables">Bar tables of the catalogue present after the run (135 when complete).</param>
/// <param name="OrleansScripts">Orleans ADO.NET scripts applied, in order.</param>
/// <param name="TimescaleAvailable">True when <c>timescaledb</c> is in <c>pg_available_extensions</c>.</param>
/// <param name="Hypertables">Bar tables that are hypertables (0 when TimescaleDB was skipped).</param>
/// <param name="CompressionPolicies">Compression policy jobs on bar tables.</param>
/// <param name="RetentionPolicies">Retention policy jobs on bar tables.</param>
/// <param name="DevSeedApplied">True when <c>seed_data.sql</c> was applied.</param>
/// <param name="Timescale">Whether the TimescaleDB step ran, or why not (not available, or installed but not preloaded).</param>
public sealed record SchemaReport(
    int BarTables,
    IReadOnlyList<string> OrleansScripts,
    bool TimescaleAvailable,
    int Hypertables,
    int CompressionPolicies,
    int RetentionPolicies,
    bool DevSeedApplied,
    TimescaleSupport Timescale = TimescaleSupport.NotAvailable)
{
    public const string NotPreloadedAdvice =
        "TimescaleDB skipped: the extension is installed but not preloaded; add 'timescaledb' to shared_preload_libraries " +
        "in postgresql.conf and restart PostgreSQL, then apply the schema again (bar tables stay plain tables until then)";

    /// <summary>One line for the log: what is enabled, and why TimescaleDB was skipped when it was.</summary>
    public string Summary => $"{BarTables} bar tables; Orleans scripts: {OrleansScripts.Count}; " + Timescale switch
    {
        TimescaleSupport.Ready => $"TimescaleDB: {Hypertables} hypertables, {CompressionPolicies} compression and {RetentionPolicies} retention policies",
        TimescaleSupport.NotPreloaded => NotPreloadedAdvice,
        _ => "TimescaleDB skipped: extension not available on this server",
    } + (DevSeedApplied ? "; dev seed applied" : "");
}
