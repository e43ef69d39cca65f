using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Persistence.Schema;

namespace TradingAlerts.IntegrationTests.Schema;

/// <summary>The bootstrapper on a real, fresh PostgreSQL 15 database.</summary>
public sealed class PostgresSchemaTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>
{
    [Fact]
    public async Task Creates_the_135_bar_tables_and_no_other_bar_tables()
    {
        Assert.Equal(135, db.Report.BarTables);
        var tables = await db.QueryAsync(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE 'orleans%' ORDER BY table_name",
            r => r.GetString(0));
        Assert.Equal(Pair.All.Select(p => p.TableName).Order(StringComparer.Ordinal), tables);
    }

    [Fact]
    public async Task Every_bar_table_has_the_design_columns_and_types()
    {
        (string Column, string Type, bool Nullable)[] expected =
        [
            ("timestamp", "timestamp with time zone", false),
            ("open", "double precision", false), ("high", "double precision", false),
            ("low", "double precision", false), ("close", "double precision", false),
            ("fractals", "jsonb", true), ("horizontal_trendlines", "jsonb", true), ("diagonal_trendlines", "jsonb", true),
            ("momentum_candles", "jsonb", true), ("keltner_channels", "jsonb", true),
            ("tema", "double precision", true), ("hrma", "double precision", true), ("smma", "double precision", true),
            ("zigzag", "jsonb", true), ("change_seq", "bigint", false),
            ("tick_volume", "bigint", false), ("spread", "integer", false), ("real_volume", "bigint", false),
        ];
        var columns = await db.QueryAsync(
            "SELECT table_name, column_name, data_type, is_nullable = 'YES' FROM information_schema.columns " +
            "WHERE table_schema = 'public' AND table_name NOT LIKE 'orleans%' ORDER BY table_name, ordinal_position",
            r => (Table: r.GetString(0), Column: r.GetString(1), Type: r.GetString(2), Nullable: r.GetBoolean(3)));
        var byTable = columns.GroupBy(c => c.Table).ToList();
        Assert.Equal(135, byTable.Count);
        Assert.All(byTable, table => Assert.Equal(expected, table.Select(c => (c.Column, c.Type, c.Nullable))));
    }

    [Fact]
    public async Task Timestamp_is_the_primary_key_of_every_bar_table()
    {
        var keys = await db.QueryAsync(
            """
            SELECT tc.table_name, string_agg(kcu.column_name, ',')
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_name = tc.table_name
            WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = 'public' AND tc.table_name NOT LIKE 'orleans%'
            GROUP BY tc.table_name
            """,
            r => (Table: r.GetString(0), Columns: r.GetString(1)));
        Assert.Equal(135, keys.Count);
        Assert.All(keys, k => Assert.Equal("timestamp", k.Columns));
    }

    [Fact]
    public async Task Orleans_clustering_and_persistence_tables_are_present()
    {
        var tables = await db.QueryAsync(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'orleans%' ORDER BY table_name",
            r => r.GetString(0));
        Assert.Contains("orleansquery", tables);
        Assert.Contains("orleansmembershiptable", tables);
        Assert.Contains("orleansmembershipversiontable", tables);
        Assert.Contains("orleansstorage", tables);
        var keys = await db.QueryAsync("SELECT querykey FROM orleansquery", r => r.GetString(0));
        Assert.Contains("InsertMembershipKey", keys);
        Assert.Contains("MembershipReadAllKey", keys);
        Assert.Contains("ReadFromStorageKey", keys);
        Assert.Contains("WriteToStorageKey", keys);
        Assert.Equal(SqlResources.List("orleans"), db.Report.OrleansScripts);
    }

    [Fact]
    public async Task Timescale_step_is_reported_as_the_server_allows()
    {
        var available = await db.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')");
        var preload = await db.ScalarAsync<string>("SHOW shared_preload_libraries");
        Assert.Equal(available, db.Report.TimescaleAvailable);
        Assert.Equal(TimescaleCheck.Decide(available, preload), db.Report.Timescale);
        if (db.Report.Timescale == TimescaleSupport.Ready)
        {
            Assert.Equal(135, db.Report.Hypertables);
            Assert.Equal(135, db.Report.RetentionPolicies);
            Assert.Equal(135, db.Report.CompressionPolicies);
        }
        else if (available)
        {
            // Installed, not preloaded: skipped without CREATE EXTENSION (which would end this session's server process).
            Assert.Equal(TimescaleSupport.NotPreloaded, db.Report.Timescale);
            Assert.Contains("not preloaded", db.Report.Summary, StringComparison.Ordinal);
            Assert.False(await db.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')"));
        }
        else
        {
            // Plain PostgreSQL (Debian, CI): skipped cleanly and said so.
            Assert.Equal(TimescaleSupport.NotAvailable, db.Report.Timescale);
            Assert.Equal((0, 0, 0), (db.Report.Hypertables, db.Report.RetentionPolicies, db.Report.CompressionPolicies));
            Assert.Contains("TimescaleDB skipped: extension not available", db.Report.Summary, StringComparison.Ordinal);
            Assert.False(await db.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')"));
        }
    }

    [Fact]
    public async Task Applying_again_changes_nothing_and_keeps_data()
    {
        await using (var insert = db.DataSource.CreateCommand(
            "INSERT INTO eurusd_h1 (timestamp, open, high, low, close) VALUES ('2022-01-04 18:00Z', 1.1, 1.2, 1.0, 1.15) ON CONFLICT DO NOTHING"))
        {
            await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var before = await FingerprintAsync();
        var second = await new PostgresSchemaBootstrapper(db.DataSource).ApplyAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(before, await FingerprintAsync());
        Assert.Equal(db.Report with { OrleansScripts = second.OrleansScripts }, second);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM eurusd_h1"));
    }

    /// <summary>Every column, index and Orleans query text of the database, as one comparable list.</summary>
    private Task<List<string>> FingerprintAsync() => db.QueryAsync(
        """
        SELECT 'c:' || table_name || '.' || column_name || ':' || data_type || ':' || is_nullable FROM information_schema.columns WHERE table_schema = 'public'
        UNION ALL SELECT 'i:' || indexname || ':' || indexdef FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL SELECT 'q:' || querykey || ':' || md5(querytext) FROM orleansquery
        UNION ALL SELECT 'f:' || proname || ':' || md5(prosrc) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
        ORDER BY 1
        """,
        r => r.GetString(0));
}
