using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TradingAlerts.Api.Drain;

namespace TradingAlerts.Api.Health;

/// <summary>
/// One health model: ASP.NET Core health checks, selected by tag. Live: the process answers (no dependency,
/// so a database outage never gets silos restarted). Ready: Orleans (503 when this silo is not active),
/// PostgreSQL (the same probe as <c>/api/health/postgresql</c>) and Redis when configured, both Degraded when down (still 200): reads come from grain memory, so a
/// silo keeps serving while PostgreSQL is away (ingest and write-through stall and retry), and Redis only
/// carries events. Taking every silo out of the load balancer for a database outage would stop reads too. The detailed checks behind <c>/api/indicators/health</c>, <c>/api/health/sqlite</c> and
/// <c>/api/health/postgresql</c> have a tag each and are in neither probe.
/// </summary>
internal static class HealthExtensions
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";
    public const string PairFreshnessTag = "pair-freshness";
    public const string CollectorFilesTag = "collector-files";
    public const string PostgresTablesTag = "postgresql-tables";
    public const string PostgresReadyName = "postgresql";

    public static WebApplicationBuilder AddGridHealth(this WebApplicationBuilder builder, GridTopology topology)
    {
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Health:CheckTimeout bounds each readiness check (after every registration); the detailed checks bound their own calls with it.
        builder.Services.AddOptions<HealthCheckServiceOptions>().PostConfigure<IOptions<HealthOptions>>((service, health) =>
        {
            foreach (var check in service.Registrations.Where(r => r.Tags.Contains(ReadyTag)))
            {
                check.Timeout = health.Value.CheckTimeout;
            }
        });

        var checks = builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy("The process is up"), tags: [LiveTag])
            .AddCheck<DrainHealthCheck>("drain", tags: [ReadyTag])
            .AddCheck<OrleansHealthCheck>("orleans", tags: [ReadyTag])
            .AddCheck<PairFreshnessHealthCheck>(PairFreshnessTag, tags: [PairFreshnessTag])
            .AddCheck<CollectorFilesHealthCheck>(CollectorFilesTag, tags: [CollectorFilesTag])
            .AddCheck<PostgresTablesHealthCheck>(PostgresTablesTag, tags: [PostgresTablesTag]);
        if (!topology.Embedded)
        {
            // The detailed check's probe, Degraded instead of Unhealthy: readiness and /api/health/postgresql are one judgement.
            checks.AddCheck<PostgresTablesHealthCheck>(PostgresReadyName, failureStatus: HealthStatus.Degraded, tags: [ReadyTag]);
        }

        if (topology.RedisConnectionString is not null)
        {
            checks.AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), name: "redis",
                failureStatus: HealthStatus.Degraded, tags: [ReadyTag]);
        }

        return builder;
    }

    /// <summary>Runs the checks carrying <paramref name="tag"/> (one per detailed endpoint) and returns that check's entry.</summary>
    public static async Task<HealthReportEntry> CheckTaggedAsync(this HealthCheckService health, string tag, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(r => r.Tags.Contains(tag), cancellationToken);
        return report.Entries.Single().Value;
    }

    /// <summary><c>/health/live</c>, <c>/health/ready</c> and <c>/healthz</c> (the liveness probe's short name, plain text).</summary>
    public static IEndpointRouteBuilder MapGridHealth(this IEndpointRouteBuilder app)
    {
        // Probes must never be throttled: a 429 would read as "down" to an orchestrator.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(LiveTag) })
            .DisableRateLimiting();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(LiveTag), ResponseWriter = HealthReportJson.Write })
            .DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthReportJson.Write })
            .DisableRateLimiting();
        return app;
    }
}
