using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Api.Health;

namespace TradingAlerts.Api.Observability;

/// <summary>
/// Every <see cref="MetricsOptions.SampleInterval"/>, reads what the alerts watch from the grid, judged exactly as the
/// health endpoints judge it (pair freshness through its health check, ingest status through the same view), and
/// hands it to <see cref="SiloMetrics"/>' gauges. Observable gauges are read synchronously at each scrape; sampling
/// here keeps 135 grain calls out of the scrape.
/// </summary>
internal sealed partial class GridStatusSampler(
    HealthCheckService health,
    IGrainFactory grains,
    SiloMetrics metrics,
    IOptions<MetricsOptions> options,
    IOptions<HealthOptions> healthOptions,
    TimeProvider clock,
    ILogger<GridStatusSampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SampleInterval, clock);
        do
        {
            try
            {
                metrics.Update(await SampleAsync(stoppingToken));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSampleFailed(logger, ex.Message); // the gauges keep the last sample; the next interval tries again
            }
        }
        while (await NextAsync(timer, stoppingToken));
    }

    private async Task<GridSample> SampleAsync(CancellationToken cancellationToken)
    {
        var pairs = await health.CheckTaggedAsync(HealthExtensions.PairFreshnessTag, cancellationToken);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (pairs.Data.TryGetValue(HealthBody.PublicKey, out var body))
        {
            foreach (var status in JsonSerializer.SerializeToElement(body).GetProperty("summary").EnumerateObject())
            {
                counts[status.Name] = status.Value.GetInt32();
            }
        }

        IngestStatusView? ingest = null;
        try
        {
            var settings = healthOptions.Value;
            var reports = await grains.GetGrain<IIngestStatusGrain>(IIngestStatusGrain.Key).GetReports().WaitAsync(settings.CheckTimeout, cancellationToken);
            ingest = IngestStatusView.From(reports, clock.GetUtcNow().ToUnixTimeMilliseconds(), settings.SqliteStaleAfter, settings.IngestSilentAfter);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSampleFailed(logger, ex.Message);
        }

        return new GridSample(counts, ingest);
    }

    private static async Task<bool> NextAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics: sampling the grid failed, the gauges keep the last sample: {Error}")]
    private static partial void LogSampleFailed(ILogger logger, string error);
}
