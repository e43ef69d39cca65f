using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Ports;

namespace TradingAlerts.Persistence.Redis;

/// <summary>
/// Publishes bar and confluence events to Redis (channels <c>bars:{SYMBOL}:{TF}</c>, <c>confluence:{SYMBOL}</c>)
/// as JSON, fire-and-forget: a Redis outage is logged and counted and never slows or fails a grain call.
/// </summary>
public sealed partial class RedisGridEventPublisher : IGridEventPublisher, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisGridEventPublisher> _logger;
    private readonly Meter _meter;
    private readonly Counter<long> _failures;

    public RedisGridEventPublisher(IConnectionMultiplexer redis, IMeterFactory meters, ILogger<RedisGridEventPublisher> logger)
    {
        _redis = redis;
        _logger = logger;
        _meter = meters.Create("TradingAlerts.Events");
        _failures = _meter.CreateCounter<long>("tradingalerts.events.redis_failures", "{event}", "Events not published to Redis");
    }

    public void PublishBars(string symbol, string timeframe, IReadOnlyList<BarRecord> bars) =>
        Publish($"bars:{symbol}:{timeframe}", JsonSerializer.Serialize(new { symbol, timeframe, bars }, Json));

    public void PublishConfluence(ConfluenceSnapshot snapshot) =>
        Publish($"confluence:{snapshot.Symbol}", JsonSerializer.Serialize(snapshot, Json));

    private void Publish(string channel, string message)
    {
        try
        {
            if (!_redis.IsConnected)
            {
                _failures.Add(1);
                return;
            }

            _redis.GetSubscriber().Publish(RedisChannel.Literal(channel), message, CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            _failures.Add(1);
            LogFailed(_logger, channel, ex.Message);
        }
    }

    public void Dispose() => _meter.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis publish to {Channel} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string channel, string error);
}
