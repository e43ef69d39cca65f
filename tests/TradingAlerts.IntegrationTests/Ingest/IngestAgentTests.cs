using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Ingest;

/// <summary>
/// The whole path in the real silo: collector file → ingest agent → SymbolGrain → TimeframeGrains →
/// PostgreSQL, with Redis events; and Redis being away changes nothing for ingest.
/// </summary>
public sealed class IngestAgentTests : IDisposable
{
    private readonly TempCollectorFile _file = new();

    private SiloFactory Silo(SchemaDatabase db, string redis) => new(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Postgres"] = db.ConnectionString,
        ["ConnectionStrings:Redis"] = redis,
        ["Orleans:AdvertisedIP"] = "127.0.0.1",
        ["Ingest:SqlitePaths:0"] = _file.Path,
        ["Ingest:PollInterval"] = "00:00:00.050",
    });

    private static async Task WaitForRows(SchemaDatabase db, string[] symbols, int expected) =>
        Assert.Equal(expected, await TempCollectorFile.WaitForRowsAsync(db, symbols, expected));

    [Fact]
    public async Task Agent_moves_every_collector_row_into_postgres_and_the_grains_and_publishes_to_redis()
    {
        var rows = _file.WriteHistory(2, "EURUSD", "XAUUSD");
        await using var db = new SchemaDatabase();
        await db.InitializeAsync();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var events = new ConcurrentQueue<string>();
        await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal("bars:XAUUSD:H1"), (_, message) => events.Enqueue(message!));

        await using var silo = Silo(db, TestEnvironment.Redis);
        using var client = silo.CreateClient(); // starts the host
        await WaitForRows(db, ["EURUSD", "XAUUSD"], rows);

        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var h1 = await grains.GetGrain<ITimeframeGrain>("XAUUSD/H1").GetBars(1000);
        Assert.Equal(await db.ScalarAsync<long>("SELECT count(*) FROM xauusd_h1"), h1.Count);
        Assert.Equal(await db.ScalarAsync<double>("SELECT close FROM xauusd_h1 ORDER BY timestamp DESC LIMIT 1"), h1.Close[^1]);
        Assert.True(await grains.GetGrain<ISymbolGrain>("EURUSD").GetCursor(Path.GetFullPath(_file.Path)) > 0);
        await Eventually.UntilAsync("a published bar event", () => !events.IsEmpty, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("\"symbol\":\"XAUUSD\"", events.First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redis_being_away_does_not_touch_ingest()
    {
        var rows = _file.WriteHistory(2, "USDJPY");
        await using var db = new SchemaDatabase();
        await db.InitializeAsync();
        var nobody = $"127.0.0.1:{TestEnvironment.FreePort()}"; // nothing listens there
        await using var silo = Silo(db, nobody);
        using var client = silo.CreateClient();
        await WaitForRows(db, ["USDJPY"], rows);
    }

    public void Dispose() => _file.Dispose();
}
