using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Feeds;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Storage.Sqlite;

namespace TradingAlerts.IntegrationTests.Ingest;

/// <summary>
/// The whole path in the real silo: collector file → ingest agent → SymbolGrain → TimeframeGrains →
/// PostgreSQL, with Redis events; and Redis being away changes nothing for ingest.
/// </summary>
public sealed class IngestAgentTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ta-agent-{Guid.NewGuid():N}.db");
    private readonly DateTimeOffset _start = new(2022, 1, 4, 0, 0, 0, TimeSpan.Zero);

    private int WriteCollectorFile(params string[] symbols)
    {
        using var writer = new CollectorWriter(_file);
        var feed = new SyntheticFeed(writer, new SyntheticMarket(symbols));
        var from = _start.ToUnixTimeSeconds();
        return (int)feed.WriteHistory(from, from + (2 * 86_400)).RowsWritten;
    }

    private SiloFactory Silo(SchemaDatabase db, string redis) => new(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Postgres"] = db.ConnectionString,
        ["ConnectionStrings:Redis"] = redis,
        ["Orleans:AdvertisedIP"] = "127.0.0.1",
        ["Ingest:SqlitePaths:0"] = _file,
        ["Ingest:PollInterval"] = "00:00:00.050",
    });

    private static async Task WaitForRows(SchemaDatabase db, string[] symbols, int expected)
    {
        var sql = string.Join(" + ", symbols.SelectMany(s => Timeframes.All.Select(tf => $"(SELECT count(*) FROM {new Pair(s, tf).TableName})")));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        long count = 0;
        while ((count = await db.ScalarAsync<long>($"SELECT {sql}")) < expected)
        {
            await Task.Delay(100, timeout.Token);
        }

        Assert.Equal(expected, count);
    }

    [Fact]
    public async Task Agent_moves_every_collector_row_into_postgres_and_the_grains_and_publishes_to_redis()
    {
        var rows = WriteCollectorFile("EURUSD", "XAUUSD");
        await using var db = new SchemaDatabase();
        await db.InitializeAsync();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServices.Redis);
        var events = new ConcurrentQueue<string>();
        await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal("bars:XAUUSD:H1"), (_, message) => events.Enqueue(message!));

        await using var silo = Silo(db, TestServices.Redis);
        using var client = silo.CreateClient(); // starts the host
        await WaitForRows(db, ["EURUSD", "XAUUSD"], rows);

        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var h1 = await grains.GetGrain<ITimeframeGrain>("XAUUSD/H1").GetBars(1000);
        Assert.Equal(await db.ScalarAsync<long>("SELECT count(*) FROM xauusd_h1"), h1.Count);
        Assert.Equal(await db.ScalarAsync<double>("SELECT close FROM xauusd_h1 ORDER BY timestamp DESC LIMIT 1"), h1.Close[^1]);
        Assert.True(await grains.GetGrain<ISymbolGrain>("EURUSD").GetCursor(Path.GetFullPath(_file)) > 0);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (events.IsEmpty)
        {
            await Task.Delay(50, wait.Token);
        }

        Assert.Contains("\"symbol\":\"XAUUSD\"", events.First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redis_being_away_does_not_touch_ingest()
    {
        var rows = WriteCollectorFile("USDJPY");
        await using var db = new SchemaDatabase();
        await db.InitializeAsync();
        var nobody = $"127.0.0.1:{TestServices.FreePort()}"; // nothing listens there
        await using var silo = Silo(db, nobody);
        using var client = silo.CreateClient();
        await WaitForRows(db, ["USDJPY"], rows);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }
    }
}
