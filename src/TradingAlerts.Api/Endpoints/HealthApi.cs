using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingAlerts.Api.Admin;
using TradingAlerts.Api.Health;
using TradingAlerts.Api.OpenApi.Wire;

namespace TradingAlerts.Api.Endpoints;

/// <summary>
/// The detailed health endpoints: pair freshness from grain state, the collector files as the ingest agent
/// last saw them, and the PostgreSQL tables. Each runs its health check (selected by tag, see
/// <see cref="HealthExtensions"/>) and answers with the body the check built: camelCase, <c>lastUpdate</c> in
/// unix ms, <c>connected</c>, <c>tables</c>; 503 whenever the check is Unhealthy. The admin port gets the full
/// body; the public port status and counts only (no file paths, no error messages: anyone may ask there).
/// </summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        MapProbe<IndicatorsHealthWire>(app, "/api/indicators/health", HealthExtensions.PairFreshnessTag, "GetIndicatorsHealth",
            "Freshness of all 135 pairs from grain state: latest bar, last data received, age, fresh/stale/empty");
        MapProbe<SqliteHealthWire>(app, "/api/health/sqlite", HealthExtensions.CollectorFilesTag, "GetSqliteHealth",
            "Collector files as the ingest agent in this process last saw them (lastUpdate, errors, quarantined rows)");
        MapProbe<PostgresHealthWire>(app, "/api/health/postgresql", HealthExtensions.PostgresTablesTag, "GetPostgresHealth",
            "PostgreSQL connectivity and how many of the 135 bar tables exist");
        return app;
    }

    /// <summary>A health endpoint: 200 healthy or 503, both with the body <typeparamref name="TWire"/> describes, documented under "Health", outside the rate limits.</summary>
    private static void MapProbe<TWire>(IEndpointRouteBuilder app, string pattern, string tag, string name, string summary) =>
        app.MapGet(pattern, (HttpContext context, HealthCheckService health, AdminPort admin, CancellationToken cancellationToken) =>
                Render(health, tag, admin.Accepts(context), cancellationToken))
            .WithName(name)
            .Produces<TWire>(StatusCodes.Status200OK).Produces<TWire>(StatusCodes.Status503ServiceUnavailable)
            .WithSummary(summary)
            .WithTags("Health")
            .DisableRateLimiting(); // monitoring polls these; it must not spend a caller's quota

    private static async Task<IResult> Render(HealthCheckService health, string tag, bool details, CancellationToken cancellationToken)
    {
        var entry = await health.CheckTaggedAsync(tag, cancellationToken);
        if (!entry.Data.TryGetValue(details ? HealthBody.Key : HealthBody.PublicKey, out var body))
        {
            // The check threw (or timed out) instead of answering: the exception handler's 500, as for any endpoint.
            ExceptionDispatchInfo.Throw(entry.Exception ?? new InvalidOperationException($"Health check '{tag}': {entry.Description}"));
        }

        return TypedResults.Json(body, statusCode: entry.Status == HealthStatus.Unhealthy
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status200OK);
    }
}
