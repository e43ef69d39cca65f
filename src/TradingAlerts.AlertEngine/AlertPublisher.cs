using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TradingAlerts.AlertEngine.Outbox;
using TradingAlerts.AlertEngine.Rules;

namespace TradingAlerts.AlertEngine;

/// <summary>
/// Announces alerts once they are in the outbox: to the log and, when Redis is configured, as JSON to the alerts
/// channel (a fan-out for whoever listens, as before; the webhook is the durable path).
/// </summary>
public sealed partial class AlertPublisher(IOptions<AlertOptions> options, ILogger<AlertPublisher> logger, IConnectionMultiplexer? redis = null)
{
    public static string ToJson(Alert alert) => AlertJson.Serialize(alert);

    public async Task PublishAsync(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        LogAlert(logger, alert.Rule, alert.Id, alert.Message);
        if (redis is null)
        {
            return;
        }

        try
        {
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(options.Value.Channel), ToJson(alert)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Redis is a fan-out, not a store: an alert published while it is away is in the log and the outbox only.
            LogRedisFailed(logger, ex, alert.Rule);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ALERT {Rule} {Id}: {Message}")]
    private static partial void LogAlert(ILogger logger, string rule, string id, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing a {Rule} alert to Redis failed")]
    private static partial void LogRedisFailed(ILogger logger, Exception exception, string rule);
}
