using Microsoft.Data.Sqlite;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.CollectorFile.Sqlite;

/// <summary>
/// Writes bars into a collector file exactly as the MQL5 DataCollector service does: the schema of
/// sql/sqlite_schema.sql, WAL, one transaction per call, an upsert keyed by (timeframe, timestamp) that
/// sets seq = max(seq) + 1 and written_at = now (unix ms UTC). A rewrite that changes nothing leaves the
/// row (and its seq) alone, so readers see only real changes.
/// </summary>
public sealed class CollectorWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, SqliteCommand> _upserts = new(StringComparer.Ordinal);

    /// <summary>The upsert's parameter of each catalogue column, by column index.</summary>
    private static readonly string[] IndicatorParameters = [.. IndicatorCatalogue.Columns.Select(c => "$" + c.Name)];

    public CollectorWriter(string path, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        Path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 30,
            Pooling = false,
        }.ToString());
        _connection.Open();
        SqliteCollectorSchema.EnsureCreated(_connection);
        using var pragmas = _connection.CreateCommand();
        // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commits.
        pragmas.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";
        pragmas.ExecuteNonQuery();
    }

    public string Path { get; }

    /// <summary>Upserts <paramref name="bars"/> of <paramref name="symbol"/> in one transaction; returns the rows that changed.</summary>
    /// <remarks>
    /// <see cref="BarRecord.Seq"/> and <see cref="BarRecord.WrittenAtMs"/> of the input are ignored: the writer assigns
    /// them; <paramref name="writtenAtMs"/> replaces the clock for a simulated collector whose clock runs ahead.
    /// </remarks>
    public int Write(string symbol, IEnumerable<BarRecord> bars, long? writtenAtMs = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var command = Upsert(symbol);
        using var transaction = _connection.BeginTransaction();
        command.Transaction = transaction;
        var writtenAt = writtenAtMs ?? _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var changed = 0;
        foreach (var bar in bars)
        {
            var p = command.Parameters;
            p["$timeframe"].Value = bar.Timeframe.Name();
            p["$timestamp"].Value = bar.Time;
            p["$open"].Value = bar.Open;
            p["$high"].Value = bar.High;
            p["$low"].Value = bar.Low;
            p["$close"].Value = bar.Close;
            foreach (var column in IndicatorCatalogue.Columns)
            {
                p[IndicatorParameters[column.Index]].Value = column.BoxedValue(bar.Indicators) ?? DBNull.Value;
            }

            p["$tick_volume"].Value = bar.TickVolume;
            p["$spread"].Value = bar.Spread;
            p["$real_volume"].Value = bar.RealVolume;
            p["$written_at"].Value = writtenAt;
            changed += command.ExecuteNonQuery();
        }

        transaction.Commit();
        command.Transaction = null;
        return changed;
    }

    private SqliteCommand Upsert(string symbol)
    {
        var table = CollectorSchemaScript.SqliteTable(symbol);
        if (_upserts.TryGetValue(table, out var existing))
        {
            return existing;
        }

        string[] values = ["open", "high", "low", "close", .. IndicatorCatalogue.Columns.Select(c => c.Name), .. CollectorSchemaScript.VolumeColumns];
        var command = _connection.CreateCommand();
        command.CommandText =
            $"INSERT INTO {table} (timeframe, timestamp, {string.Join(", ", values)}, seq, written_at)\n" +
            $"VALUES ($timeframe, $timestamp, {string.Join(", ", values.Select(v => "$" + v))}, (SELECT COALESCE(MAX(seq), 0) + 1 FROM {table}), $written_at)\n" +
            $"ON CONFLICT (timeframe, timestamp) DO UPDATE SET {string.Join(", ", values.Select(v => $"{v} = excluded.{v}"))}, seq = excluded.seq, written_at = excluded.written_at\n" +
            $"WHERE ({string.Join(", ", values)}) IS NOT ({string.Join(", ", values.Select(v => "excluded." + v))})";
        foreach (var name in (string[])["timeframe", "timestamp", .. values, "written_at"])
        {
            command.Parameters.Add(new SqliteParameter("$" + name, null));
        }

        command.Prepare();
        _upserts[table] = command;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _upserts.Values)
        {
            command.Dispose();
        }

        _connection.Dispose();
    }
}
