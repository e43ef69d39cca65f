using Microsoft.Data.Sqlite;
using TradingAlerts.Storage.Schema;

namespace TradingAlerts.Storage.Sqlite;

/// <summary>Creates the collector tables of <c>sql/sqlite_schema.sql</c> in a SQLite file (WAL mode).</summary>
public static class SqliteCollectorSchema
{
    /// <summary>Applies the schema to an open read-write connection; safe to call on an existing file.</summary>
    public static void EnsureCreated(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = SqlResources.Read(SchemaScripts.SqliteFile);
        command.ExecuteNonQuery();
    }
}
