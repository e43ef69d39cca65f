using Npgsql;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Persistence.Schema;

namespace TradingAlerts.IntegrationTests.Schema;

/// <summary>
/// TimescaleDB is not packaged for Debian, so its script cannot run here; PostgreSQL's own PL/pgSQL
/// validator still parses its body, which catches every syntax error before production does.
/// </summary>
public sealed class TimescaleScriptTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Setup_script_body_is_valid_plpgsql()
    {
        var script = SqlResources.Read(PostgresSchemaScripts.TimescaleFile);
        var start = script.IndexOf("DO $$\n", StringComparison.Ordinal);
        var end = script.LastIndexOf("\n$$;", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "timescaledb_setup.sql has no DO $$ … $$; block");
        var body = script[(start + "DO $$\n".Length)..end];

        await using var connection = await db.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            $"SET check_function_bodies = on; CREATE FUNCTION pg_temp.timescale_setup_syntax() RETURNS void LANGUAGE plpgsql AS $fn$\n{body}\n$fn$;",
            connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("CREATE EXTENSION IF NOT EXISTS timescaledb;", script[script.IndexOf("CREATE EXTENSION", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }
}
