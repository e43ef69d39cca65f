using Microsoft.Data.Sqlite;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.CollectorFile.Sqlite;

/// <summary>
/// Which file is at the path now. Reads use pooled connections, and a pooled connection keeps reading a file
/// that was deleted and recreated at its path, so these checks open the path afresh every time and
/// <see cref="ReleasePooledConnections"/> drops the pooled ones once the file turned out to be another.
/// </summary>
public sealed partial class CollectorReader
{
    private string FreshConnectionString => new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString();

    /// <summary>The file's identity (its <c>collector_file</c> row), or null for a file written before files had one.</summary>
    /// <exception cref="CollectorFileException">The file is missing, not a SQLite database, or stayed locked.</exception>
    public string? FileId() => Inspect(null).FileId;

    /// <summary>The file's identity and the highest seq of <paramref name="symbol"/>'s table (0 when empty or absent).</summary>
    /// <exception cref="CollectorFileException">The file is missing, not a SQLite database, or stayed locked.</exception>
    public SourceFile Inspect(string? symbol)
    {
        if (!File.Exists(Path))
        {
            throw Missing();
        }

        try
        {
            using var connection = new SqliteConnection(FreshConnectionString);
            connection.Open();
            string? fileId = null;
            if (TableExists(connection, "collector_file"))
            {
                using var identity = connection.CreateCommand();
                identity.CommandText = "SELECT file_id FROM collector_file WHERE id = 1";
                fileId = identity.ExecuteScalar() as string;
            }

            long maxSeq = 0;
            if (symbol is not null && TableExists(connection, CollectorSchemaScript.SqliteTable(symbol)))
            {
                using var seq = connection.CreateCommand();
                seq.CommandText = $"SELECT COALESCE(MAX(seq), 0) FROM {CollectorSchemaScript.SqliteTable(symbol)}";
                maxSeq = (long)seq.ExecuteScalar()!;
            }

            return new SourceFile(fileId, maxSeq);
        }
        catch (SqliteException ex)
        {
            throw Fault(ex);
        }
    }

    /// <summary>Closes this reader's pooled connections, so the next read opens the file now at the path.</summary>
    public void ReleasePooledConnections()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
