using Microsoft.Extensions.Options;

namespace TradingAlerts.Api.Drain;

/// <summary>
/// Drain before stop. The host calls every <see cref="IHostedLifecycleService.StoppingAsync"/> before any hosted
/// service's StopAsync, so while this waits Kestrel still accepts requests and the silo still hosts its grains:
/// readiness turns 503 and the streams end with a <c>reconnect</c> event at once, the load balancer stops sending,
/// and only then the server finishes its in-flight requests and Orleans hands the grains over.
/// </summary>
internal sealed partial class DrainService(DrainState state, IOptions<DrainOptions> options, ILogger<DrainService> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var delay = options.Value.Delay;
        LogDraining(logger, delay);
        state.Begin();
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out first: stop now.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: draining for {Delay} (readiness 503, streams told to reconnect) before the server and the silo stop")]
    private static partial void LogDraining(ILogger logger, TimeSpan delay);
}
