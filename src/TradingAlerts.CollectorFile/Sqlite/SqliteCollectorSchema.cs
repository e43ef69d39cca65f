using Microsoft.Data.Sqlite;

namespace TradingAlerts.CollectorFile.Sqlite;

/// <summary>Creates the collector tables of <c>sql/sqlite_schema.sql</c> in a SQLite file (WAL mode).</summary>
public static class SqliteCollectorSchema
{
    /// <summary>The committed <c>sql/sqlite_schema.sql</c>, embedded in this assembly so hosts need no files on disk.</summary>
    public static string Script { get; } = ReadEmbedded();

    /// <summary>Applies the schema to an open read-write connection; safe to call on an existing file.</summary>
    public static void EnsureCreated(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Script;
        command.ExecuteNonQuery();
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
