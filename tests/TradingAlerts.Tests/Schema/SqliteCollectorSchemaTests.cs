using Microsoft.Data.Sqlite;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.Tests.Schema;

/// <summary>The collector schema on a real SQLite file.</summary>
public sealed class SqliteCollectorSchemaTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"ta-schema-{Guid.NewGuid():N}.db");
    private readonly SqliteConnection _connection;

    public SqliteCollectorSchemaTests()
    {
        _connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        _connection.Open();
        SqliteCollectorSchema.EnsureCreated(_connection);
    }

    [Fact]
    public void Creates_the_fifteen_symbol_tables_and_the_file_identity()
    {
        var tables = Query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", r => r.GetString(0));
        Assert.Equal(Symbols.All.Append("collector_file").Order(StringComparer.Ordinal), tables);
    }

    [Fact]
    public void The_file_identity_is_one_random_id_that_a_second_schema_run_keeps()
    {
        var before = Query("SELECT id, file_id, created_at FROM collector_file", r => (r.GetInt64(0), r.GetString(1), r.GetInt64(2)));
        SqliteCollectorSchema.EnsureCreated(_connection);
        var after = Query("SELECT id, file_id, created_at FROM collector_file", r => (r.GetInt64(0), r.GetString(1), r.GetInt64(2)));

        var row = Assert.Single(before);
        Assert.Equal(before, after);
        Assert.Equal(1, row.Item1);
        Assert.Matches("^[0-9a-f]{32}$", row.Item2);
        Assert.InRange(row.Item3, DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds());
        using var other = new TradingAlerts.Tests.Sqlite.ScratchCollectorFile();
        using (new CollectorWriter(other.Path))
        {
        }

        Assert.NotEqual(row.Item2, new CollectorReader(other.Path).FileId());
        Assert.Equal(row.Item2, new CollectorReader(_path).FileId());
    }

    [Fact]
    public void Each_table_has_the_design_columns_types_and_nullability()
    {
        (string Name, string Type, bool NotNull, int PrimaryKeyPosition)[] expected =
        [
            ("timeframe", "TEXT", true, 1), ("timestamp", "INTEGER", true, 2),
            ("open", "REAL", true, 0), ("high", "REAL", true, 0), ("low", "REAL", true, 0), ("close", "REAL", true, 0),
            ("fractals", "TEXT", false, 0), ("horizontal_trendlines", "TEXT", false, 0), ("diagonal_trendlines", "TEXT", false, 0),
            ("momentum_candles", "TEXT", false, 0), ("keltner_channels", "TEXT", false, 0),
            ("tema", "REAL", false, 0), ("hrma", "REAL", false, 0), ("smma", "REAL", false, 0), ("zigzag", "TEXT", false, 0),
            ("seq", "INTEGER", true, 0), ("written_at", "INTEGER", true, 0),
            ("tick_volume", "INTEGER", true, 0), ("spread", "INTEGER", true, 0), ("real_volume", "INTEGER", true, 0),
        ];
        foreach (var symbol in Symbols.All)
        {
            var columns = Query($"PRAGMA table_info({CollectorSchemaScript.SqliteTable(symbol)})",
                r => (r.GetString(1), r.GetString(2), r.GetInt32(3) == 1, r.GetInt32(5)));
            Assert.Equal(expected, columns);
        }
    }

    [Fact]
    public void Seq_has_a_unique_index_and_the_file_is_in_wal_mode()
    {
        var indexes = Query("PRAGMA index_list(EURUSD)", r => (Name: r.GetString(1), Unique: r.GetInt32(2) == 1));
        Assert.Contains(("idx_eurusd_seq", true), indexes);
        var indexed = Query("PRAGMA index_info(idx_eurusd_seq)", r => r.GetString(2));
        Assert.Equal(["seq"], indexed);
        Assert.Equal(["wal"], Query("PRAGMA journal_mode", r => r.GetString(0)));
    }

    [Fact]
    public void Applying_twice_keeps_rows_and_changes_nothing()
    {
        Execute("INSERT INTO EURUSD (timeframe, timestamp, open, high, low, close, seq, written_at) VALUES ('H1', 1641254400, 1.1, 1.2, 1.0, 1.15, 1, 0)");
        var before = Query("SELECT name || coalesce(sql, '') FROM sqlite_master ORDER BY name", r => r.GetString(0));
        SqliteCollectorSchema.EnsureCreated(_connection);
        Assert.Equal(before, Query("SELECT name || coalesce(sql, '') FROM sqlite_master ORDER BY name", r => r.GetString(0)));
        Assert.Equal([1L], Query("SELECT count(*) FROM EURUSD", r => r.GetInt64(0)));
    }

    [Fact]
    public void Primary_key_rejects_a_second_row_for_the_same_timeframe_and_time()
    {
        Execute("INSERT INTO XAUUSD (timeframe, timestamp, open, high, low, close, seq, written_at) VALUES ('H1', 100, 1, 1, 1, 1, 1, 0)");
        Execute("INSERT INTO XAUUSD (timeframe, timestamp, open, high, low, close, seq, written_at) VALUES ('H4', 100, 1, 1, 1, 1, 2, 0)");
        var ex = Assert.Throws<SqliteException>(() =>
            Execute("INSERT INTO XAUUSD (timeframe, timestamp, open, high, low, close, seq, written_at) VALUES ('H1', 100, 2, 2, 2, 2, 3, 0)"));
        Assert.Contains("UNIQUE constraint failed", ex.Message, StringComparison.Ordinal);
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> map)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public void Dispose()
    {
        _connection.Dispose();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
