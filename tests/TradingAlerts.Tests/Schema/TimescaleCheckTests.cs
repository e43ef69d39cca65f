using TradingAlerts.Persistence.Schema;

namespace TradingAlerts.Tests.Schema;

/// <summary>
/// Whether the bootstrapper runs the TimescaleDB step, from what the server reports. TimescaleDB cannot be
/// installed here, so the decision is tested on its two inputs; the plain PostgreSQL path runs for real in
/// the integration tests (PostgresSchemaTests).
/// </summary>
public sealed class TimescaleCheckTests
{
    [Theory]
    [InlineData(false, "", TimescaleSupport.NotAvailable)]
    [InlineData(false, "timescaledb", TimescaleSupport.NotAvailable)]
    [InlineData(true, "", TimescaleSupport.NotPreloaded)]
    [InlineData(true, null, TimescaleSupport.NotPreloaded)]
    [InlineData(true, "pg_stat_statements", TimescaleSupport.NotPreloaded)]
    [InlineData(true, "timescaledb_toolkit", TimescaleSupport.NotPreloaded)]
    [InlineData(true, "pg_timescaledb", TimescaleSupport.NotPreloaded)]
    [InlineData(true, "timescaledb", TimescaleSupport.Ready)]
    [InlineData(true, "pg_stat_statements, timescaledb", TimescaleSupport.Ready)]
    [InlineData(true, "\"timescaledb\",auto_explain", TimescaleSupport.Ready)]
    [InlineData(true, "'$libdir/timescaledb'", TimescaleSupport.Ready)]
    [InlineData(true, "/usr/lib/postgresql/15/lib/timescaledb.so", TimescaleSupport.Ready)]
    public void The_step_runs_only_when_the_extension_is_installed_and_preloaded(bool available, string? preload, TimescaleSupport expected) =>
        Assert.Equal(expected, TimescaleCheck.Decide(available, preload));

    [Fact]
    public void Installed_but_not_preloaded_says_what_to_do()
    {
        var report = new SchemaReport(135, [], TimescaleAvailable: true, 0, 0, 0, DevSeedApplied: false, TimescaleSupport.NotPreloaded);
        Assert.Equal(
            "135 bar tables; Orleans scripts: 0; TimescaleDB skipped: the extension is installed but not preloaded; add 'timescaledb' to " +
            "shared_preload_libraries in postgresql.conf and restart PostgreSQL, then apply the schema again (bar tables stay plain tables until then)",
            report.Summary);
    }
}
