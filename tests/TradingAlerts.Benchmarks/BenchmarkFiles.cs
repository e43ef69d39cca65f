using Microsoft.Data.Sqlite;

namespace TradingAlerts.Benchmarks;

/// <summary>Scratch collector files for benchmarks, removed with their WAL files.</summary>
internal static class BenchmarkFiles
{
    public static string NewPath(string name) => Path.Combine(Path.GetTempPath(), $"ta-bench-{name}-{Guid.NewGuid():N}.db");

    public static void Delete(string? path)
    {
        if (path is null)
        {
            return;
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
