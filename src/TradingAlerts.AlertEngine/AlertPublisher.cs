using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TradingAlerts.AlertEngine.Rules;

namespace TradingAlerts.AlertEngine;

/// <summary>Publishes alerts to the log and, when Redis is configured, as JSON to the alerts channel.</summary>
public sealed partial class AlertPublisher(IOptions<AlertOptions> options, ILogger<AlertPublisher> logger, IConnectionMultiplexer? redis = null)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string ToJson(Alert alert) => JsonSerializer.Serialize(alert, Json);

    public async Task PublishAsync(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        LogAlert(logger, alert.Rule, alert.Message);
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
            // Redis is a fan-out, not a store: an alert published while it is away is in the log only.
            LogRedisFailed(logger, ex, alert.Rule);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ALERT {Rule}: {Message}")]
    private static partial void LogAlert(ILogger logger, string rule, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing a {Rule} alert to Redis failed")]
    private static partial void LogRedisFailed(ILogger logger, Exception exception, string rule);
}
