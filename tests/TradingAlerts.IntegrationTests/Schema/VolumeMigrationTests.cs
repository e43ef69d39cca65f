using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Ports;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Persistence.Postgres;
using TradingAlerts.Persistence.Schema;

namespace TradingAlerts.IntegrationTests.Schema;

/// <summary>
/// tick_volume, spread and real_volume on a real PostgreSQL: the bootstrapper adds them to a bar table the previous
/// schema created (with change_seq, without volumes) and keeps its rows; then every store path carries them.
/// </summary>
public sealed class VolumeMigrationTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>
{
    private const long Start = 1_641_168_000; // 2022-01-03 00:00 UTC, an M5 open time

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task Execute(string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Ct);
    }

    [Fact]
    public async Task The_bootstrapper_adds_the_volume_columns_to_a_table_of_the_previous_schema_keeps_its_rows_and_then_stores_volumes()
    {
        // The table as the schema before volumes created it, with rows and their change positions.
        await Execute("""
            DROP TABLE gbpjpy_m5;
            CREATE TABLE gbpjpy_m5 (
                timestamp TIMESTAMPTZ PRIMARY KEY, open DOUBLE PRECISION NOT NULL, high DOUBLE PRECISION NOT NULL,
                low DOUBLE PRECISION NOT NULL, close DOUBLE PRECISION NOT NULL, fractals JSONB, horizontal_trendlines JSONB,
                diagonal_trendlines JSONB, momentum_candles JSONB, keltner_channels JSONB, tema DOUBLE PRECISION,
                hrma DOUBLE PRECISION, smma DOUBLE PRECISION, zigzag JSONB, change_seq BIGINT NOT NULL DEFAULT 0);
            CREATE INDEX gbpjpy_m5_change_seq ON gbpjpy_m5 (change_seq);
            INSERT INTO gbpjpy_m5 (timestamp, open, high, low, close, tema, change_seq) VALUES
                ('2022-01-03 00:00Z', 155.1, 155.2, 155.0, 155.15, 155.12, 7), ('2022-01-03 00:05Z', 155.15, 155.25, 155.1, 155.2, NULL, 8);
            """);

        await new PostgresSchemaBootstrapper(db.DataSource).ApplyAsync(cancellationToken: Ct);

        Assert.Equal(
            [("tick_volume", "bigint", "NO", "0"), ("spread", "integer", "NO", "0"), ("real_volume", "bigint", "NO", "0")],
            await db.QueryAsync(
                "SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns " +
                "WHERE table_schema = 'public' AND table_name = 'gbpjpy_m5' AND column_name IN ('tick_volume', 'spread', 'real_volume') ORDER BY ordinal_position",
                r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3))));
        Assert.Equal([(155.15, (double?)155.12, 7L, 0L, 0, 0L), (155.2, null, 8L, 0L, 0, 0L)], await db.QueryAsync(
            "SELECT close, tema, change_seq, tick_volume, spread, real_volume FROM gbpjpy_m5 ORDER BY timestamp",
            r => (r.GetDouble(0), r.IsDBNull(1) ? (double?)null : r.GetDouble(1), r.GetInt64(2), r.GetInt64(3), r.GetInt32(4), r.GetInt64(5))));

        // A second run finds the columns and changes nothing.
        await new PostgresSchemaBootstrapper(db.DataSource).ApplyAsync(cancellationToken: Ct);
        Assert.Equal(3, (await db.QueryAsync(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'gbpjpy_m5' AND column_name IN ('tick_volume', 'spread', 'real_volume')",
            r => r.GetInt32(0))).Count);

        // The store writes and reads volumes on the migrated table: a new bar, an old one rewritten with its volumes.
        var store = new PostgresBarStore(db.DataSource);
        var pair = new Pair("GBPJPY", Timeframe.M5);
        var older = Bar(Start, 155.15, tickVolume: 812, spread: 23, realVolume: 0);
        var newer = Bar(Start + 600, 155.3, tickVolume: 97, spread: 31, realVolume: 4_000_000_001);
        Assert.Equal(2, await store.UpsertAsync(pair, [older, newer], new Dictionary<long, long> { [Start] = 9, [Start + 600] = 10 }, Ct));
        Assert.Equal([(Start, 812L, 23, 0L), (Start + 300, 0L, 0, 0L), (Start + 600, 97L, 31, 4_000_000_001L)], await db.QueryAsync(
            "SELECT extract(epoch FROM timestamp)::bigint, tick_volume, spread, real_volume FROM gbpjpy_m5 ORDER BY timestamp",
            r => (r.GetInt64(0), r.GetInt64(1), r.GetInt32(2), r.GetInt64(3))));

        // A change of the volume alone is a change (the forming bar's tick volume grows while its prices may not).
        Assert.Equal(1, await store.UpsertAsync(pair, [newer with { TickVolume = 98 }], new Dictionary<long, long> { [Start + 600] = 11 }, Ct));

        // Every read path carries them: changes, rehydration, the bars at a time.
        var changes = await store.ChangesSinceAsync(pair, 8, 11, 10, Ct);
        Assert.Equal([(Start, 812L, 23, 0L), (Start + 600, 98L, 31, 4_000_000_001L)], changes.Select(c => (c.Bar.Time, c.Bar.TickVolume, c.Bar.Spread, c.Bar.RealVolume)));
        var rehydrated = new List<StoredBar>();
        await foreach (var stored in store.RehydrateAsync(pair, 10, Ct))
        {
            rehydrated.Add(stored);
        }

        Assert.Equal([812L, 0L, 98L], rehydrated.Select(s => s.Bar.TickVolume));
        Assert.Equal([23, 0, 31], rehydrated.Select(s => s.Bar.Spread));
        var at = await store.AtAsync("GBPJPY", Start + 600, 5, Ct);
        Assert.Equal([(812L, 23), (0L, 0), (98L, 31)], at[Timeframe.M5].Select(b => (b.TickVolume, b.Spread)));
    }

    private static BarRecord Bar(long time, double close, long tickVolume, int spread, long realVolume) =>
        new(Timeframe.M5, time, close, close + 0.05, close - 0.05, close, IndicatorValues.None, Seq: 1, WrittenAtMs: 1,
            TickVolume: tickVolume, Spread: spread, RealVolume: realVolume);
}
