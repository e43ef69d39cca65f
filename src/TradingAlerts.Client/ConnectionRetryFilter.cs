using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TradingAlerts.Client;

/// <summary>Retries the initial connection to the cluster until the host stops, with a fixed pause between attempts.</summary>
internal sealed partial class ConnectionRetryFilter(IOptions<TradingAlertsClientOptions> options, ILogger<ConnectionRetryFilter> logger) : IClientConnectionRetryFilter
{
    private int _attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        LogRetrying(logger, attempt, options.Value.ConnectRetryDelay, exception.Message);
        try
        {
            await Task.Delay(options.Value.ConnectRetryDelay, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster not reachable (attempt {Attempt}), retrying in {Delay}: {Reason}")]
    private static partial void LogRetrying(ILogger logger, int attempt, TimeSpan delay, string reason);
}
