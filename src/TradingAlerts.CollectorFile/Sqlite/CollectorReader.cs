using Microsoft.Data.Sqlite;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.CollectorFile.Sqlite;

/// <summary>
/// Reads a collector file's changes for one symbol: rows with <c>seq</c> greater than a cursor, in seq
/// order, in bounded batches, validated row by row. Opens the file read-only (it never modifies it) and
/// reads while a writer is active (WAL; waits up to <see cref="BusyTimeout"/> for a lock). A row that
/// fails validation is returned as quarantined with its reason and never blocks the rows after it.
/// </summary>
public sealed partial class CollectorReader
{
    private readonly string _connectionString;

    public CollectorReader(string path, TimeSpan? busyTimeout = null, CollectorValidation? validation = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(5);
        Validation = validation ?? CollectorValidation.Default;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadOnly,
            DefaultTimeout = Math.Max(1, (int)BusyTimeout.TotalSeconds),
            Pooling = true,
        }.ToString();
    }

    public string Path { get; }

    public TimeSpan BusyTimeout { get; }

    public CollectorValidation Validation { get; }

    /// <summary>Reads up to <paramref name="maxRows"/> rows of <paramref name="symbol"/> with seq &gt; <paramref name="afterSeq"/>.</summary>
    /// <exception cref="CollectorFileException">The file is missing, not a SQLite database, or stayed locked.</exception>
    public CollectorReadResult Read(string symbol, long afterSeq, int maxRows)
    {
        var table = CollectorSchemaScript.SqliteTable(symbol);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        if (!File.Exists(Path))
        {
            throw Missing();
        }

        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            if (!TableExists(connection, table))
            {
                return new CollectorReadResult(symbol, [], [], afterSeq, TableFound: false);
            }

            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {CollectorRowParser.SelectColumns(SqliteCollectorSchema.Columns(connection, table))} FROM {table} WHERE seq > $after ORDER BY seq LIMIT $max";
            command.Parameters.AddWithValue("$after", afterSeq);
            command.Parameters.AddWithValue("$max", maxRows);
            using var reader = command.ExecuteReader();
            var rows = new List<BarRecord>();
            var quarantined = new List<QuarantinedRow>();
            var last = afterSeq;
            // Queries the table while the rows are being read, so it sees the snapshot they come from.
            using var plausibility = new PlausibilityCheck(connection, command.Transaction, table, Validation);
            while (reader.Read())
            {
                last = CollectorRowParser.ReadSeq(reader);
                var bar = CollectorRowParser.Parse(reader, symbol, last, Validation, plausibility, out var rejected);
                if (rejected is null)
                {
                    rows.Add(bar);
                }
                else
                {
                    quarantined.Add(rejected);
                }
            }

            return new CollectorReadResult(symbol, rows, quarantined, last, TableFound: true);
        }
        catch (SqliteException ex)
        {
            throw Fault(ex);
        }
    }

    /// <summary>The catalogue symbols that have a table in the file.</summary>
    public IReadOnlyList<string> Symbols()
    {
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            return [.. Abstractions.Catalogue.Symbols.All.Where(s => TableExists(connection, s))];
        }
        catch (SqliteException ex)
        {
            throw Fault(ex);
        }
    }

    /// <summary>Newest <c>written_at</c> (unix ms) over all symbols, or null when the file holds no rows.</summary>
    public long? LastWrittenAtMs()
    {
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            long? newest = null;
            foreach (var symbol in Abstractions.Catalogue.Symbols.All.Where(s => TableExists(connection, s)))
            {
                using var command = connection.CreateCommand();
                // The row with the highest seq is the latest write of the table (seq grows with every write).
                command.CommandText = $"SELECT written_at FROM {symbol} ORDER BY seq DESC LIMIT 1";
                if (command.ExecuteScalar() is long writtenAt && (newest is null || writtenAt > newest))
                {
                    newest = writtenAt;
                }
            }

            return newest;
        }
        catch (SqliteException ex)
        {
            throw Fault(ex);
        }
    }

    private static bool TableExists(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return command.ExecuteScalar() is not null;
    }

    private string Describe(SqliteException ex) => ex.SqliteErrorCode switch
    {
        26 => $"Collector file {Path} is not a SQLite database (corrupt or another kind of file)",
        11 => $"Collector file {Path} is corrupt: {ex.Message}",
        5 or 6 => $"Collector file {Path} is blocked: locked by another process for more than {BusyTimeout.TotalSeconds:0.#} s: {ex.Message}",
        15 => $"Collector file {Path} is blocked: another process holds its WAL read locks (-shm): {ex.Message}",
        14 => $"Collector file {Path} cannot be opened: {ex.Message}",
        _ => $"Collector file {Path} could not be read: {ex.Message}",
    };

    private static CollectorFileFault Classify(SqliteException ex) => ex.SqliteErrorCode switch
    {
        11 or 26 => CollectorFileFault.Corrupt,
        // SQLITE_PROTOCOL: every WAL read lock stayed taken for SQLite's own retry limit (about 10 s, not the busy timeout).
        5 or 6 or 15 => CollectorFileFault.Blocked,
        10 or 14 => CollectorFileFault.IoError,
        _ => CollectorFileFault.Unreadable,
    };

    /// <summary>
    /// The error as the agent reports it. After an I/O or corruption error the pooled connections go: they may hold a
    /// file replaced in place (its old WAL index mapped) and would fail forever, while a fresh one reads the file as it is now.
    /// </summary>
    private CollectorFileException Fault(SqliteException ex)
    {
        var fault = Classify(ex);
        if (fault is CollectorFileFault.Corrupt or CollectorFileFault.IoError)
        {
            ReleasePooledConnections();
        }

        return new CollectorFileException(Describe(ex), ex, fault);
    }

    private CollectorFileException Missing() => new($"Collector file not found: {Path}", null, CollectorFileFault.Missing);
}
