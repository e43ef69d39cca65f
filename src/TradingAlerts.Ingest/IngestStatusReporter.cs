using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingAlerts.Abstractions.Grains;

namespace TradingAlerts.Ingest;

/// <summary>
/// Sends this agent's whole view (<see cref="IngestStatus"/>) to the grid's <see cref="IIngestStatusGrain"/> every
/// <see cref="IngestOptions.StatusInterval"/>, so every silo answers for agents running anywhere. The whole view,
/// not changes: a status grain that was deactivated or lost with its silo is complete again after one interval.
/// A report that fails (cluster away) is logged and the next one tries again; it never affects ingest.
/// </summary>
public sealed partial class IngestStatusReporter(
    IGrainFactory grains,
    IngestStatus status,
    IOptions<IngestOptions> options,
    TimeProvider clock,
    ILogger<IngestStatusReporter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.SqlitePaths.Any(p => !string.IsNullOrWhiteSpace(p)))
        {
            return; // nothing tailed here: nothing to report
        }

        var agent = string.IsNullOrWhiteSpace(settings.AgentName) ? Environment.MachineName : settings.AgentName;
        var grain = grains.GetGrain<IIngestStatusGrain>(IIngestStatusGrain.Key);
        var failing = false;
        using var timer = new PeriodicTimer(settings.StatusInterval, clock);
        do
        {
            var snapshot = status.Snapshot(agent);
            if (snapshot.Count == 0)
            {
                continue;
            }

            try
            {
                await grain.Report(snapshot).WaitAsync(settings.StatusInterval, stoppingToken).ConfigureAwait(false);
                failing = false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                if (!failing)
                {
                    LogReportFailed(logger, ex.Message); // once per outage, not every interval
                }

                failing = true;
            }
        }
        while (await WaitNext(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitNext(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest status: report to the grid failed, retrying every interval: {Error}")]
    private static partial void LogReportFailed(ILogger logger, string error);
}
