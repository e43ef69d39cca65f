using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using Orleans.Runtime;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.IntegrationTests.Infrastructure;

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
        await CollectorParity.AssertEqualAsync(grid.Database, rows, "EURUSD");
        foreach (var tf in Timeframes.All)
        {
            var expected = rows.Count(r => r.Timeframe == tf);
            var pair = new Pair("EURUSD", tf);
            var snapshot = await grid.Grains.GetGrain<ITimeframeGrain>(pair.Key).GetBars(10_000);
            Assert.Equal(Math.Min(expected, 500), snapshot.Count);
        }

        // Scored by the documented rules: the grain's confluence equals the reference recomputed from the stored rows
        // (the signal pushes are one-way, so it may take a moment to arrive).
        var reference = await ConfluenceRecomputation.FromPostgresAsync(grid.Database.DataSource, "EURUSD");
        Assert.Equal(9, reference.Signals.Count);
        var differences = await Eventually.LastAsync(
            async () => ConfluenceRecomputation.Differences(reference, await grid.Grains.GetGrain<IConfluenceGrain>("EURUSD").GetConfluence()),
            d => d.Count == 0, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    private static BarRecord Bar(Timeframe tf, long time, double close, long seq) =>
        new(tf, time, close, close + 0.002, close - 0.002, close, IndicatorValues.None, seq, 1);

    private Task<IngestResult> Ingest(string symbol, string source, params BarRecord[] rows) =>
        grid.Grains.GetGrain<ISymbolGrain>(symbol).Ingest(new IngestBatch(symbol, source, rows, rows.Max(r => r.Seq)));

    [Fact]
    public async Task A_forming_bar_rewrite_replaces_and_does_not_append()
    {
        const long t = 1_641_290_400;
        await Ingest("GBPUSD", "a.db", Bar(Timeframe.H1, t - 3600, 1.35, 1), Bar(Timeframe.H1, t, 1.351, 2));
        await Ingest("GBPUSD", "a.db", Bar(Timeframe.H1, t, 1.353, 3));
        await Ingest("GBPUSD", "a.db", Bar(Timeframe.H1, t, 1.352, 4));

        var bars = await grid.Grains.GetGrain<ITimeframeGrain>("GBPUSD/H1").GetBars(100);
        Assert.Equal([t - 3600, t], bars.Time);
        Assert.Equal([1.35, 1.352], bars.Close);
        Assert.Equal([(t - 3600, 1.35), (t, 1.352)], await grid.Database.QueryAsync(
            "SELECT extract(epoch FROM timestamp)::bigint, close FROM gbpusd_h1 ORDER BY timestamp", r => (r.GetInt64(0), r.GetDouble(1))));
    }

    [Fact]
    public async Task The_same_batch_delivered_twice_leaves_the_same_rows_and_state()
    {
        var rows = History("USDCAD", 1);
        var batch = new IngestBatch("USDCAD", "b.db", rows, rows[^1].Seq);
        var grain = grid.Grains.GetGrain<ISymbolGrain>("USDCAD");
        await grain.Ingest(batch);
        var table = await grid.Database.QueryAsync("SELECT t::text FROM usdcad_m15 t ORDER BY timestamp", r => r.GetString(0));
        var state = await grid.Grains.GetGrain<ITimeframeGrain>("USDCAD/M15").GetBars(1000);

        var again = await grain.Ingest(batch);
        Assert.Equal((rows[^1].Seq, 0), (again.Cursor, again.BarsWritten));
        Assert.Equal(table, await grid.Database.QueryAsync("SELECT t::text FROM usdcad_m15 t ORDER BY timestamp", r => r.GetString(0)));
        var after = await grid.Grains.GetGrain<ITimeframeGrain>("USDCAD/M15").GetBars(1000);
        Assert.Equal(state.Version, after.Version);
        Assert.Equal(state.Time, after.Time);
        Assert.Equal(state.Close, after.Close);
    }

    [Fact]
    public async Task A_failed_write_through_leaves_the_cursor_and_redelivery_loses_nothing()
    {
        var rows = History("USDCHF", 2);
        var grain = grid.Grains.GetGrain<ISymbolGrain>("USDCHF");
        var first = rows.Where(r => r.Seq <= 300).ToArray();
        await grain.Ingest(new IngestBatch("USDCHF", "c.db", first, 300));

        // PostgreSQL refuses the H1 table's writes: the batch fails and the cursor stays where it was.
        await Execute("ALTER TABLE usdchf_h1 RENAME TO usdchf_h1_away");
        var rest = rows.Where(r => r.Seq > 300).ToArray();
        await Assert.ThrowsAnyAsync<Exception>(() => grain.Ingest(new IngestBatch("USDCHF", "c.db", rest, rows[^1].Seq)));
        Assert.Equal(300, await grain.GetCursor("c.db"));

        // The database is back; the agent re-delivers from the cursor.
        await Execute("ALTER TABLE usdchf_h1_away RENAME TO usdchf_h1");
        var result = await grain.Ingest(new IngestBatch("USDCHF", "c.db", rest, rows[^1].Seq));
        Assert.Equal(rows[^1].Seq, result.Cursor);
        await CollectorParity.AssertEqualAsync(grid.Database, rows, "USDCHF"); // every bar once, with its values
    }

    [Fact]
    public async Task A_reactivated_timeframe_grain_rehydrates_from_postgres()
    {
        var rows = History("NZDUSD", 2);
        await grid.Grains.GetGrain<ISymbolGrain>("NZDUSD").Ingest(new IngestBatch("NZDUSD", "d.db", rows, rows[^1].Seq));
        var before = await grid.Grains.GetGrain<ITimeframeGrain>("NZDUSD/H4").GetBars(100);

        // Change the stored copy behind the grain's back, then make every idle activation go away.
        await Execute("UPDATE nzdusd_h4 SET close = close + 1, high = high + 1 WHERE timestamp = (SELECT max(timestamp) FROM nzdusd_h4)");
        await grid.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);

        var after = await grid.Grains.GetGrain<ITimeframeGrain>("NZDUSD/H4").GetBars(100);
        Assert.Equal(before.Time, after.Time);
        Assert.Equal(before.Close[..^1], after.Close[..^1]);
        Assert.Equal(before.Close[^1] + 1, after.Close[^1], 1e-9); // read back from PostgreSQL
        Assert.Equal(before.Tema, after.Tema);
    }

    [Fact]
    public async Task A_batch_for_another_symbol_is_refused()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            grid.Grains.GetGrain<ISymbolGrain>("AUDJPY").Ingest(new IngestBatch("EURUSD", "e.db", [Bar(Timeframe.H1, 3600, 1, 1)], 1)));
        Assert.Equal("Batch for EURUSD sent to the AUDJPY grain", ex.Message);
    }

    private async Task Execute(string sql)
    {
        await using var command = grid.Database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
