using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.Feeds.SyntheticCollector;

/// <summary>Location of the synthetic collector's file (an absolute path).</summary>
internal sealed class SyntheticCollectorFile(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>A fresh file with the collector schema: the synthetic market starts anew at every run.</summary>
    public void Recreate()
    {
        // Only this file's pooled reader connections: clearing every pool of the process broke reads of other
        // files in flight (ObjectDisposedException on a pooled handle).
        new CollectorReader(Path).ReleasePooledConnections();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }

        using var writer = new CollectorWriter(Path);
    }
}
