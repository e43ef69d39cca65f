using Microsoft.Data.Sqlite;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.Silo.Demo;

/// <summary>Location of the demo collector file, resolved against the content root.</summary>
internal sealed class DemoCollectorFile(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>A fresh file with the collector schema: the demo market starts anew at every run.</summary>
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
