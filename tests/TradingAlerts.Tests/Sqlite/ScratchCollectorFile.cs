using Microsoft.Data.Sqlite;

namespace TradingAlerts.Tests.Sqlite;

/// <summary>A collector file in the temp folder, deleted (with its WAL files) afterwards.</summary>
internal sealed class ScratchCollectorFile : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ta-collector-{Guid.NewGuid():N}.db");

    /// <summary>Runs raw SQL on the file, as a misbehaving writer would.</summary>
    public void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
