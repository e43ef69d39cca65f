using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace TradingAlerts.Persistence.Schema;

/// <summary>
/// Applies <c>sql/</c> to a PostgreSQL database in order: bar tables, Orleans tables, TimescaleDB
/// setup (only where the extension is available and preloaded), and optionally the development seed. Every script is
/// idempotent; a session advisory lock makes silos that start together apply it one at a time.
/// </summary>
public sealed partial class PostgresSchemaBootstrapper(NpgsqlDataSource dataSource, ILogger<PostgresSchemaBootstrapper>? logger = null)
{
    public const string DevSeedFile = "seed_data.sql";

    // Arbitrary constant shared by every silo of this product: the key of the bootstrap advisory lock.
    private const long AdvisoryLockKey = 0x54_41_47_72_69_64; // "TAGrid"

    private readonly ILogger _logger = logger ?? NullLogger<PostgresSchemaBootstrapper>.Instance;

    /// <summary>Applies every script and reports what is enabled.</summary>
    public async Task<SchemaReport> ApplyAsync(bool includeDevSeed = false, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken).ConfigureAwait(false);
        try
        {
            await ApplyFileAsync(connection, PostgresSchemaScripts.PostgresFile, cancellationToken).ConfigureAwait(false);

            var orleansScripts = SqlResources.List("orleans");
            foreach (var script in orleansScripts)
            {
                await ApplyFileAsync(connection, script, cancellationToken).ConfigureAwait(false);
            }

            // Checked before CREATE EXTENSION: without the preload that statement ends the server process
            // serving this session, and the bootstrapper would only see its connection vanish.
            var timescaleAvailable = await ScalarAsync<bool>(connection,
                "SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')", cancellationToken).ConfigureAwait(false);
            var preload = await ScalarAsync<string>(connection, "SHOW shared_preload_libraries", cancellationToken).ConfigureAwait(false);
            var timescale = TimescaleCheck.Decide(timescaleAvailable, preload);
            switch (timescale)
            {
                case TimescaleSupport.Ready:
                    await ApplyFileAsync(connection, PostgresSchemaScripts.TimescaleFile, cancellationToken).ConfigureAwait(false);
                    break;
                case TimescaleSupport.NotPreloaded:
                    LogTimescaleNotPreloaded(_logger, preload, SchemaReport.NotPreloadedAdvice);
                    break;
                default:
                    LogTimescaleSkipped(_logger, PostgresSchemaScripts.TimescaleFile);
                    break;
            }

            if (includeDevSeed)
            {
                await ApplyFileAsync(connection, DevSeedFile, cancellationToken).ConfigureAwait(false);
            }

            var report = new SchemaReport(
                BarTables: (await BarTables.ExistingAsync(connection, cancellationToken).ConfigureAwait(false)).Count,
                OrleansScripts: orleansScripts,
                TimescaleAvailable: timescaleAvailable,
                Hypertables: timescale == TimescaleSupport.Ready ? await CountAsync(connection, HypertablesSql, cancellationToken).ConfigureAwait(false) : 0,
                CompressionPolicies: timescale == TimescaleSupport.Ready ? await CountAsync(connection, JobsSql("policy_compression"), cancellationToken).ConfigureAwait(false) : 0,
                RetentionPolicies: timescale == TimescaleSupport.Ready ? await CountAsync(connection, JobsSql("policy_retention"), cancellationToken).ConfigureAwait(false) : 0,
                DevSeedApplied: includeDevSeed,
                Timescale: timescale);
            LogApplied(_logger, report.Summary);
            return report;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private const string HypertablesSql =
        "SELECT count(*) FROM timescaledb_information.hypertables WHERE hypertable_schema = current_schema() AND hypertable_name = ANY(@tables)";

    private static string JobsSql(string proc) =>
        $"SELECT count(*) FROM timescaledb_information.jobs WHERE proc_name = '{proc}' AND hypertable_schema = current_schema() AND hypertable_name = ANY(@tables)";

    private static async Task<int> CountAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("tables", BarTables.Names);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ApplyFileAsync(NpgsqlConnection connection, string file, CancellationToken cancellationToken)
    {
        LogApplying(_logger, file);
        try
        {
            await ExecuteAsync(connection, SqlResources.Read(file), cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex)
        {
            throw new InvalidOperationException($"Applying sql/{file} failed: {ex.MessageText}", ex);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "TimescaleDB is not available on this server: {File} skipped, bar tables stay plain tables")]
    private static partial void LogTimescaleSkipped(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TimescaleDB is installed but not preloaded (shared_preload_libraries = '{Preload}'): {Advice}")]
    private static partial void LogTimescaleNotPreloaded(ILogger logger, string preload, string advice);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema applied: {Summary}")]
    private static partial void LogApplied(ILogger logger, string summary);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applying sql/{File}")]
    private static partial void LogApplying(ILogger logger, string file);
}
