using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TradingAlerts.Api.Drain;

/// <summary>Not ready once draining: the load balancer's signal to stop sending this silo requests.</summary>
internal sealed class DrainHealthCheck(DrainState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsDraining
            ? new HealthCheckResult(context.Registration.FailureStatus, "This silo is stopping (draining)")
            : HealthCheckResult.Healthy("Not draining"));
}
