using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Persistence.Postgres;
using TradingAlerts.Persistence.Schema;
using static TradingAlerts.IntegrationTests.Positions.TestBars;

namespace TradingAlerts.IntegrationTests.Positions;

/// <summary>change_seq on a real PostgreSQL: the bootstrapper adds it to a table created without it, the store writes a position only where one is given.</summary>
public sealed class ChangeSeqStorageTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task Execute(string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Ct);
    }

    [Fact]
    public async Task The_bootstrapper_adds_change_seq_and_its_index_to_a_table_created_without_them_and_keeps_its_rows()
    {
        // A bar table as an earlier version created it, with rows.
        await Execute("""
            DROP TABLE eurusd_m5;
            CREATE TABLE eurusd_m5 (
                timestamp TIMESTAMPTZ PRIMARY KEY, open DOUBLE PRECISION NOT NULL, high DOUBLE PRECISION NOT NULL,
                low DOUBLE PRECISION NOT NULL, close DOUBLE PRECISION NOT NULL, fractals JSONB, horizontal_trendlines JSONB,
                diagonal_trendlines JSONB, momentum_candles JSONB, keltner_channels JSONB, tema DOUBLE PRECISION,
                hrma DOUBLE PRECISION, smma DOUBLE PRECISION, zigzag JSONB);
            INSERT INTO eurusd_m5 (timestamp, open, high, low, close, tema) VALUES
                ('2022-01-03 00:00Z', 1.1, 1.2, 1.0, 1.15, 1.12), ('2022-01-03 00:05Z', 1.15, 1.25, 1.1, 1.2, NULL);
            """);

        await new PostgresSchemaBootstrapper(db.DataSource).ApplyAsync(cancellationToken: Ct);

        Assert.Equal([("bigint", "NO", "0")], await db.QueryAsync(
            "SELECT data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'eurusd_m5' AND column_name = 'change_seq'",
            r => (r.GetString(0), r.GetString(1), r.GetString(2))));
        Assert.Equal(["CREATE INDEX eurusd_m5_change_seq ON public.eurusd_m5 USING btree (change_seq)"], await db.QueryAsync(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'eurusd_m5' AND indexdef LIKE '%change_seq%'", r => r.GetString(0)));
        Assert.Equal([(1.15, 1.12, 0L), (1.2, (double?)null, 0L)], await db.QueryAsync(
            "SELECT close, tema, change_seq FROM eurusd_m5 ORDER BY timestamp", r => (r.GetDouble(0), r.IsDBNull(1) ? (double?)null : r.GetDouble(1), r.GetInt64(2))));

        // The store works on it: rows from before positions are at 0, a new change gets its position.
        var store = new PostgresBarStore(db.DataSource);
        var pair = new Pair("EURUSD", Timeframe.M5);
        Assert.Equal(0, await store.PositionAsync(pair, Ct));
        await store.UpsertAsync(pair, [Bar(pair, 2, 1.3, seq: 3)], new Dictionary<long, long> { [Start + 600] = 1 }, Ct);
        Assert.Equal(1, await store.PositionAsync(pair, Ct));
        Assert.Equal([Start + 600], (await store.ChangesSinceAsync(pair, 0, 1, 10, Ct)).Select(s => s.Bar.Time));
    }

    [Fact]
    public async Task A_bar_without_a_position_keeps_its_rows_while_its_values_are_written_and_a_position_never_goes_back()
    {
        var store = new PostgresBarStore(db.DataSource);
        var pair = new Pair("GBPUSD", Timeframe.H1);
        var (a, b) = (Bar(pair, 0, 1.3, seq: 1), Bar(pair, 1, 1.31, seq: 2));
        await store.UpsertAsync(pair, [a, b], new Dictionary<long, long> { [a.Time] = 5, [b.Time] = 6 }, Ct);

        // a's values change without a position (the grain did not count it), b gets a new one.
        await store.UpsertAsync(pair, [a with { Close = 1.35, High = 2.35, Seq = 3 }, b with { Close = 1.32, Seq = 4 }], new Dictionary<long, long> { [b.Time] = 7 }, Ct);
        // A lower position (never handed out after a higher one) does not lower the row's.
        await store.UpsertAsync(pair, [b with { Close = 1.33, Seq = 5 }], new Dictionary<long, long> { [b.Time] = 3 }, Ct);

        var rows = await db.QueryAsync($"SELECT close, change_seq FROM {pair.TableName} ORDER BY timestamp", r => (r.GetDouble(0), r.GetInt64(1)));
        Assert.Equal([(1.35, 5L), (1.33, 7L)], rows);
        Assert.Equal(7, await store.PositionAsync(pair, Ct));
        Assert.Equal([(5L, 1.35), (7L, 1.33)], (await store.ChangesSinceAsync(pair, 4, 7, 10, Ct)).Select(s => (s.Position, s.Bar.Close)));
        Assert.Empty(await store.ChangesSinceAsync(pair, 5, 6, 10, Ct)); // b's newest position is above the bound
        Assert.Equal([5L], (await store.ChangesSinceAsync(pair, 0, 7, 1, Ct)).Select(s => s.Position));

        // The backfill path writes values only: positions stay.
        await db.DataSource.BulkUpsertAsync(pair, [a with { Close = 1.36, High = 2.36, Seq = 9 }], Ct);
        Assert.Equal([(1.36, 5L), (1.33, 7L)], await db.QueryAsync($"SELECT close, change_seq FROM {pair.TableName} ORDER BY timestamp", r => (r.GetDouble(0), r.GetInt64(1))));
    }
}
