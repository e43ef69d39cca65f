using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Indicators.Synthetic;

namespace TradingAlerts.IntegrationTests.Grid;

/// <summary>SymbolGrain → TimeframeGrains → PostgreSQL and ConfluenceGrain, on a real cluster and database.</summary>
public sealed class GridIngestTests(GridClusterFixture grid) : IClassFixture<GridClusterFixture>
{
    private static BarRecord[] History(string symbol, int days)
    {
        var bars = new SyntheticMarket([symbol]).History(symbol, 1_641_254_400, 1_641_254_400 + (days * 86_400L)).ToList();
        return [.. bars.Select((b, i) => b.ToRecord() with { Seq = i + 1, WrittenAtMs = 1 })];
    }

    [Fact]
    public async Task Every_timeframe_is_routed_written_through_and_scored()
    {
        var rows = History("EURUSD", 3);
        var result = await grid.Grains.GetGrain<ISymbolGrain>("EURUSD").Ingest(new IngestBatch("EURUSD", "test.db", rows, rows[^1].Seq));
        Assert.Equal(rows[^1].Seq, result.Cursor);
        Assert.Equal(rows.Length, result.BarsWritten);
        foreach (var tf in Timeframes.All)
        {
            var expected = rows.Count(r => r.Timeframe == tf);
            var pair = new Pair("EURUSD", tf);
            Assert.Equal(expected, await grid.Database.ScalarAsync<long>($"SELECT count(*) FROM {pair.TableName}"));
            var snapshot = await grid.Grains.GetGrain<ITimeframeGrain>(pair.Key).GetBars(10_000);
            Assert.Equal(Math.Min(expected, 500), snapshot.Count);
        }

        var confluence = await grid.Grains.GetGrain<IConfluenceGrain>("EURUSD").GetConfluence(null);
        Assert.InRange(confluence.Score, 0, 10);
    }
}
