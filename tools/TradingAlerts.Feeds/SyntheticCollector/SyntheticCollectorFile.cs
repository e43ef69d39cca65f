using Microsoft.Data.Sqlite;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.Feeds.SyntheticCollector;

/// <summary>Location of the synthetic collector's file (an absolute path).</summary>
internal sealed class SyntheticCollectorFile(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>A fresh file with the collector schema: the synthetic market starts anew at every run.</summary>
    public void Recreate()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }

        using var writer = new CollectorWriter(Path);
    }
}
