using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TradingAlerts.Api.Health;

/// <summary>
/// Ready when this silo is Active in the cluster and a grain call answers: the management grain asks
/// this silo's control target for its runtime statistics. Neither touches storage (GetHosts would read
/// the membership table), so a database outage shows on the PostgreSQL check only.
/// </summary>
internal sealed class OrleansHealthCheck(ISiloStatusOracle oracle, ILocalSiloDetails silo, IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = oracle.CurrentStatus;
        if (status != SiloStatus.Active)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"This silo is {status}, not Active");
        }

        var stats = await grains.GetGrain<IManagementGrain>(0).GetRuntimeStatistics([silo.SiloAddress], cancellationToken);
        var activeSilos = oracle.GetApproximateSiloStatuses(onlyActive: true).Count;
        return HealthCheckResult.Healthy($"Silo active and answering; {activeSilos} active silo(s) known",
            new Dictionary<string, object> { ["activeSilos"] = activeSilos, ["activations"] = stats[0].ActivationCount });
    }
}
