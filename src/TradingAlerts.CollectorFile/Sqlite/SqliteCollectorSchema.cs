using Microsoft.Data.Sqlite;

namespace TradingAlerts.CollectorFile.Sqlite;

/// <summary>Creates the collector tables of <c>sql/sqlite_schema.sql</c> in a SQLite file (WAL mode).</summary>
public static class SqliteCollectorSchema
{
    /// <summary>The committed <c>sql/sqlite_schema.sql</c>, embedded in this assembly so hosts need no files on disk.</summary>
    public static string Script { get; } = ReadEmbedded();

    /// <summary>
    /// Applies the schema to an open read-write connection; safe to call on an existing file. A table created before the
    /// volume columns gets them (SQLite has no ADD COLUMN IF NOT EXISTS: the table's columns are looked at first).
    /// </summary>
    public static void EnsureCreated(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = Script;
            command.ExecuteNonQuery();
        }

        foreach (var symbol in Abstractions.Catalogue.Symbols.All)
        {
            var present = Columns(connection, symbol);
            foreach (var column in CollectorSchemaScript.VolumeColumns.Where(c => !present.Contains(c)))
            {
                using var alter = connection.CreateCommand();
                alter.CommandText = $"ALTER TABLE {symbol} ADD COLUMN {column} {CollectorSchemaScript.VolumeColumnType}";
                alter.ExecuteNonQuery();
            }
        }
    }

    /// <summary>The column names of <paramref name="table"/> (none when it does not exist).</summary>
    internal static HashSet<string> Columns(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($name)";
        command.Parameters.AddWithValue("$name", table);
        using var reader = command.ExecuteReader();
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static string ReadEmbedded()
    {
        var assembly = typeof(SqliteCollectorSchema).Assembly;
        using var stream = assembly.GetManifestResourceStream("sql/" + CollectorSchemaScript.SqliteFile)
            ?? throw new InvalidOperationException($"sql/{CollectorSchemaScript.SqliteFile} is not embedded in {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
