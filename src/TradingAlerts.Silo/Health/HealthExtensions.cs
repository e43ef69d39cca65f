using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using StackExchange.Redis;

namespace TradingAlerts.Silo.Health;

/// <summary>
/// Liveness and readiness probes. Live: the process answers (no dependency, so a database outage never
/// gets silos restarted). Ready: Orleans, PostgreSQL when configured (503 when down) and Redis when
/// configured (Degraded, still 200: Redis only carries events, the grid serves without it).
/// </summary>
internal static class HealthExtensions
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddGridHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var timeout = (builder.Configuration.GetSection(HealthOptions.Section).Get<HealthOptions>() ?? new HealthOptions()).CheckTimeout;
        var checks = builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy("The process is up"), tags: [LiveTag])
            .AddCheck<OrleansHealthCheck>("orleans", tags: [ReadyTag], timeout: timeout);
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Postgres")))
        {
            // The data source AddGridDatabase registered: same pool, same settings as the write-through.
            checks.AddNpgSql(sp => sp.GetRequiredService<NpgsqlDataSource>(), name: "postgresql", tags: [ReadyTag], timeout: timeout);
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Redis")))
        {
            checks.AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), name: "redis",
                failureStatus: HealthStatus.Degraded, tags: [ReadyTag], timeout: timeout);
        }

        return builder;
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
