using StackExchange.Redis;

namespace TradingAlerts.IntegrationTests.Infrastructure;

/// <summary>The harness's Redis is real and reachable (later issues publish bar and confluence events to it).</summary>
public class RedisHarnessTests
{
    [Fact]
    public async Task Redis_from_the_harness_answers_and_stores()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"{TestEnvironment.Redis},abortConnect=false,connectTimeout=5000");
        Assert.True(redis.IsConnected, $"Redis at {TestEnvironment.Redis} is unreachable. Run the suites with deploy/test.sh.");
        var db = redis.GetDatabase();
        var key = $"ta-test:{Guid.NewGuid():N}";
        await db.StringSetAsync(key, "bar", TimeSpan.FromMinutes(1));
        Assert.Equal("bar", (string?)await db.StringGetAsync(key));
        var subscriber = redis.GetSubscriber();
        var received = new TaskCompletionSource<string>();
        var channel = RedisChannel.Literal($"ta-test:{Guid.NewGuid():N}");
        await subscriber.SubscribeAsync(channel, (_, message) => received.TrySetResult(message!));
        await subscriber.PublishAsync(channel, "confluence");
        Assert.Equal("confluence", await received.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }
}
