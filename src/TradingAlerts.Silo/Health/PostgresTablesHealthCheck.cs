using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Silo.Hosting;
using TradingAlerts.Persistence.Schema;

namespace TradingAlerts.Silo.Health;

/// <summary>
/// PostgreSQL connectivity and how many of the 135 bar tables exist: Unhealthy when unreachable or a table is
/// missing. The embedded run has no database by design: Healthy, "not_configured". Queries through the data
/// source the write-through uses (same pool, same settings), registered in the cluster topology only.
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

        HashSet<string> existing;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(health.Value.CheckTimeout);
            await using var connection = await dataSource.OpenConnectionAsync(timeout.Token);
            existing = await BarTables.ExistingAsync(connection, timeout.Token);
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, ex);
            var unreachable = new
            {
                success = false,
                status = "unhealthy",
                mode = topology.Mode,
                connected = false,
                tables = (int?)null,
                expectedTables = expected,
                error = "PostgreSQL is unreachable",
            };
            return HealthBody.Result(HealthStatus.Unhealthy, "PostgreSQL is unreachable", unreachable, unreachable);
        }

        var missing = Pair.All.Select(p => p.TableName).Where(t => !existing.Contains(t)).ToList();
        var (success, status) = missing.Count == 0 ? (true, "healthy") : (false, "unhealthy");
        return HealthBody.Result(missing.Count == 0 ? HealthStatus.Healthy : HealthStatus.Unhealthy,
            $"{existing.Count} of {expected} bar tables",
            new { success, status, mode = topology.Mode, connected = true, tables = existing.Count, expectedTables = expected, missingTables = missing },
            new { success, status, mode = topology.Mode, connected = true, tables = existing.Count, expectedTables = expected });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL health: the database did not answer")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);
}
