using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Api.Caching;
using TradingAlerts.Api.Endpoints;
using TradingAlerts.Api.Errors;
using TradingAlerts.Persistence.Schema;

namespace TradingAlerts.Api.Health;

/// <summary>
/// The one PostgreSQL judgement, behind both readiness (<c>postgresql</c>, Degraded on failure) and
/// <c>/api/health/postgresql</c> (Unhealthy, 503): each registration's failure status decides, the probe and its bound
/// (Health:CheckTimeout) are the same. It connects, lists the 135 bar tables and reads every existing one (no rows:
/// the read takes the lock an API read takes), so "healthy" means the API's reads would be answered. States: healthy,
/// unreachable (no connection within the bound, or the connection failed), timing_out (connected, but a query
/// outlived the bound or the server's statement_timeout), missing_tables, failing (the server refused the query), and
/// not_configured in the embedded run, which has no database by design. docs/api-errors.md says what each means.
/// </summary>
internal sealed partial class PostgresTablesHealthCheck(
    GridTopology topology, IOptions<HealthOptions> health, ILogger<PostgresTablesHealthCheck> logger, NpgsqlDataSource? dataSource = null) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var expected = Pair.All.Count;
        if (topology.Embedded || dataSource is null)
        {
            var embedded = new
            {
                success = true,
                status = "not_configured",
                mode = topology.Mode,
                connected = false,
                tables = 0,
                expectedTables = expected,
                message = "PostgreSQL is not configured (ConnectionStrings:Postgres): embedded mode, grain state in memory, no write-through",
            };
            return HealthBody.Result(HealthStatus.Healthy, "Embedded mode: no PostgreSQL", embedded, embedded);
        }

        var failure = context.Registration.FailureStatus;
        var connected = false;
        HashSet<string>? existing = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(health.Value.CheckTimeout);
            await using var connection = await dataSource.OpenConnectionAsync(timeout.Token);
            connected = true;
            existing = await BarTables.ExistingAsync(connection, timeout.Token);
            await ReadAsync(connection, existing, timeout.Token);
        }
        // Cancelled by the bound here or by the health service's own timeout for the readiness registration (the same
        // Health:CheckTimeout): either way the query outlived it. A cancelled request discards the answer anyway.
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            var (status, error) = Judge(ex, connected);
            LogFailed(logger, status, ex.GetType().Name, ex.Message);
            // The messages are fixed texts (no host, no exception): the public port gets the same body.
            var body = new { success = false, status, mode = topology.Mode, connected, tables = existing?.Count, expectedTables = expected, error };
            return HealthBody.Result(failure, error, body, body);
        }

        var missing = Pair.All.Select(p => p.TableName).Where(t => !existing.Contains(t)).ToList();
        var (success, state) = missing.Count == 0 ? (true, "healthy") : (false, "missing_tables");
        return HealthBody.Result(missing.Count == 0 ? HealthStatus.Healthy : failure,
            $"{existing.Count} of {expected} bar tables",
            new { success, status = state, mode = topology.Mode, connected = true, tables = existing.Count, expectedTables = expected, missingTables = missing },
            new { success, status = state, mode = topology.Mode, connected = true, tables = existing.Count, expectedTables = expected });
    }

    /// <summary>The state a failed probe reports: the same split the API's 503 makes (<see cref="DependencyFailure"/>).</summary>
    private static (string Status, string Error) Judge(Exception ex, bool connected)
    {
        if (connected && (ex is OperationCanceledException || DependencyFailure.IsPostgresTimeout(ex)))
        {
            return ("timing_out", "PostgreSQL is timing out: connected, but the health query outlived its bound (Health:CheckTimeout or statement_timeout)");
        }

        return connected && ex is PostgresException { IsTransient: false } refused && DependencyFailure.Of(ex) is null
            ? ("failing", $"PostgreSQL refused the health query (SQLSTATE {refused.SqlState})")
            : ("unreachable", "PostgreSQL is unreachable");
    }

    /// <summary>
    /// One statement reading no rows from every existing bar table: it waits where an API read would wait (a lock on a
    /// table). ONLY: the parent alone, never a hypertable's chunks (one lock each, thousands on a TimescaleDB schema).
    /// </summary>
    private static async Task ReadAsync(NpgsqlConnection connection, HashSet<string> existing, CancellationToken cancellationToken)
    {
        var tables = Pair.All.Select(p => p.TableName).Where(existing.Contains).ToList(); // names from the catalogue only
        if (tables.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(string.Join(" UNION ALL ", tables.Select(t => $"(SELECT 1 FROM ONLY {t} LIMIT 0)")), connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL health: {Status} ({ExceptionType}: {Reason})")]
    private static partial void LogFailed(ILogger logger, string status, string exceptionType, string reason);
}
