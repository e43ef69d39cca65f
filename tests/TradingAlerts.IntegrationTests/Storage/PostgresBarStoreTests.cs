using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Persistence.Postgres;

namespace TradingAlerts.IntegrationTests.Storage;

/// <summary>The write-through store on a real PostgreSQL.</summary>
public sealed class PostgresBarStoreTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>
{
    private readonly PostgresBarStore _store = new(db.DataSource);

    private static List<BarRecord> Synthetic(string symbol, Timeframe tf, int days) =>
        [.. new SyntheticMarket([symbol]).History(symbol, 1_641_254_400, 1_641_254_400 + (days * 86_400L))
            .Where(b => b.Timeframe == tf).Select((b, i) => b.ToRecord() with { Seq = i + 1 })];

    private Task<List<string>> TableAsync(Pair pair) =>
        db.QueryAsync($"SELECT t::text FROM {pair.TableName} t ORDER BY timestamp", r => r.GetString(0));

    [Fact]
    public async Task Upsert_writes_every_bar_once_and_a_second_delivery_changes_nothing()
    {
        var pair = new Pair("EURUSD", Timeframe.M15);
        var bars = Synthetic("EURUSD", Timeframe.M15, 2);
        Assert.Equal(bars.Count, await _store.UpsertAsync(pair, bars, TestContext.Current.CancellationToken));
        var first = await TableAsync(pair);
        Assert.Equal(0, await _store.UpsertAsync(pair, bars, TestContext.Current.CancellationToken));
        Assert.Equal(first, await TableAsync(pair));
        Assert.Equal(bars.Count, first.Count);
    }

    [Fact]
    public async Task A_forming_bar_rewrite_replaces_the_row_in_place()
    {
        var pair = new Pair("EURUSD", Timeframe.H4);
        var bar = Synthetic("EURUSD", Timeframe.H4, 1)[^1];
        await _store.UpsertAsync(pair, [bar], TestContext.Current.CancellationToken);
        var rewritten = bar with { Close = bar.Close + 0.001, High = Math.Max(bar.High, bar.Close + 0.001), Indicators = bar.Indicators with { Tema = 1.5 }, Seq = bar.Seq + 10 };
        Assert.Equal(1, await _store.UpsertAsync(pair, [rewritten], TestContext.Current.CancellationToken));
        var row = Assert.Single(await db.DataSource.LatestAsync(pair, 10, TestContext.Current.CancellationToken));
        Assert.Equal((rewritten.Close, rewritten.High, 1.5), (row.Close, row.High, row.Indicators.Tema));
    }

    [Fact]
    public async Task Within_one_batch_the_highest_seq_of_a_bar_wins()
    {
        var pair = new Pair("XAUUSD", Timeframe.D1);
        var bar = Synthetic("XAUUSD", Timeframe.D1, 2)[0];
        await _store.UpsertAsync(pair, [bar with { Seq = 5, Close = 1801 }, bar with { Seq = 7, Close = 1803 }, bar with { Seq = 6, Close = 1802 }],
            TestContext.Current.CancellationToken);
        Assert.Equal(1803, Assert.Single(await db.DataSource.LatestAsync(pair, 10, TestContext.Current.CancellationToken)).Close);
    }

    [Fact]
    public async Task Bulk_copy_path_leaves_exactly_what_the_upsert_path_leaves()
    {
        var viaUpsert = new Pair("GBPUSD", Timeframe.M30);
        var viaCopy = new Pair("AUDUSD", Timeframe.M30);
        var bars = Synthetic("GBPUSD", Timeframe.M30, 3);
        await _store.UpsertAsync(viaUpsert, bars, TestContext.Current.CancellationToken);
        Assert.Equal(bars.Count, await db.DataSource.BulkUpsertAsync(viaCopy, bars.Select(b => b).ToList(), TestContext.Current.CancellationToken));
        Assert.Equal(await TableAsync(viaUpsert), await TableAsync(viaCopy));
        Assert.Equal(0, await db.DataSource.BulkUpsertAsync(viaCopy, bars, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Latest_returns_the_newest_bars_oldest_first_with_their_indicators()
    {
        var pair = new Pair("USDJPY", Timeframe.H1);
        var bars = Synthetic("USDJPY", Timeframe.H1, 4);
        await _store.UpsertAsync(pair, bars, TestContext.Current.CancellationToken);
        var latest = await db.DataSource.LatestAsync(pair, 10, TestContext.Current.CancellationToken);
        Assert.Equal(bars[^10..].Select(b => b.Time), latest.Select(b => b.Time));
        foreach (var (expected, actual) in bars[^10..].Zip(latest))
        {
            Assert.Equal((expected.Open, expected.High, expected.Low, expected.Close), (actual.Open, actual.High, actual.Low, actual.Close));
            Assert.Equal((expected.Indicators.Tema, expected.Indicators.Hrma, expected.Indicators.Smma),
                (actual.Indicators.Tema, actual.Indicators.Hrma, actual.Indicators.Smma));
            // jsonb normalizes key order and spacing; the documents are the same.
            Assert.True(JsonEquals(expected.Indicators.Fractals, actual.Indicators.Fractals));
            Assert.True(JsonEquals(expected.Indicators.KeltnerChannels, actual.Indicators.KeltnerChannels));
            Assert.True(JsonEquals(expected.Indicators.DiagonalTrendlines, actual.Indicators.DiagonalTrendlines));
        }
    }

    [Fact]
    public async Task Bars_of_another_timeframe_are_refused()
    {
        var bar = Synthetic("EURUSD", Timeframe.H1, 1)[0];
        await Assert.ThrowsAsync<ArgumentException>(() => _store.UpsertAsync(new Pair("EURUSD", Timeframe.H4), [bar], TestContext.Current.CancellationToken));
    }

    private static bool JsonEquals(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a == b;
        }

        using var x = JsonDocument.Parse(a);
        using var y = JsonDocument.Parse(b);
        return JsonElement.DeepEquals(x.RootElement, y.RootElement);
    }
}
