using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
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

        // Every bar of the file is in PostgreSQL with the file's values, and every pair's grain holds the file's bars
        // value for value (two days fit in its capacity).
        await CollectorParity.WaitForEqualAsync(db, _file.Path, ["EURUSD", "XAUUSD"]);
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        foreach (var pair in new[] { "EURUSD", "XAUUSD" }.SelectMany(s => Timeframes.All.Select(tf => new Pair(s, tf))))
        {
            var source = await SourceBarsAsync(pair);
            Assert.NotEmpty(source);
            // Reads interleave with a batch being written through, so the last one may still be on its way.
            var held = await Eventually.LastAsync(async () => Values(await grains.GetGrain<ITimeframeGrain>(pair.Key).GetBars(100_000)),
                bars => bars.SequenceEqual(source), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
            Assert.Equal(source, held);
        }

        Assert.True(await grains.GetGrain<ISymbolGrain>("EURUSD").GetCursor(Path.GetFullPath(_file.Path)) > 0);
        await Eventually.UntilAsync("a published bar event", () => !events.IsEmpty, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("\"symbol\":\"XAUUSD\"", events.First(), StringComparison.Ordinal);
    }

    private static List<(long, double, double, double, double, double?, double?, double?)> Values(BarSeriesSnapshot held) =>
        [.. Enumerable.Range(0, held.Count).Select(i => (held.Time[i], held.Open[i], held.High[i], held.Low[i], held.Close[i], held.Tema[i], held.Hrma[i], held.Smma[i]))];

    /// <summary>The file's bars of a pair, oldest first: time, OHLC and the three moving averages.</summary>
    private async Task<List<(long, double, double, double, double, double?, double?, double?)>> SourceBarsAsync(Pair pair)
    {
        await using var sqlite = new SqliteConnection($"Data Source={_file.Path};Mode=ReadOnly;Pooling=False");
        await sqlite.OpenAsync();
        await using var command = sqlite.CreateCommand();
        command.CommandText = $"SELECT timestamp, open, high, low, close, tema, hrma, smma FROM {pair.Symbol} WHERE timeframe = $tf ORDER BY timestamp";
        command.Parameters.AddWithValue("$tf", pair.Timeframe.Name());
        await using var reader = await command.ExecuteReaderAsync();
        var bars = new List<(long, double, double, double, double, double?, double?, double?)>();
        double Number(int i) => Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);
        double? Optional(int i) => reader.IsDBNull(i) ? null : Number(i);
        while (await reader.ReadAsync())
        {
            bars.Add((reader.GetInt64(0), Number(1), Number(2), Number(3), Number(4), Optional(5), Optional(6), Optional(7)));
        }

        return bars;
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
