using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace TradingAlerts.IntegrationTests.Infrastructure;

/// <summary>
/// Another process holding a lock that blocks every reader of a SQLite file in WAL mode, as a stuck or foreign program
/// would. It must be another process: POSIX advisory locks never block other connections of the process that holds
/// them. The lock covers the five WAL read-mark locks in the file's <c>-shm</c> (unix VFS: bytes 123-127), held
/// exclusively: a read transaction needs one of them, so every reader retries and, after SQLite's own WAL retry limit
/// (about 10 s; the busy timeout does not shorten it), fails with SQLITE_PROTOCOL. (A lock on the database file's
/// PENDING byte would not do: a process with one WAL connection open keeps its shared lock on the file, so its other
/// connections never ask the kernel.) python3's fcntl takes it; deploy/services.sh installs python3.
/// </summary>
public sealed class ForeignLock : IDisposable
{
    private const string Script = """
        import fcntl, os, sys
        fd = os.open(sys.argv[1] + "-shm", os.O_RDWR)
        fcntl.lockf(fd, fcntl.LOCK_EX, 5, 123, 0)
        print("locked", flush=True)
        sys.stdin.read()
        """;

    private readonly Process _process;

    private ForeignLock(Process process) => _process = process;

    /// <summary>Takes the lock on <paramref name="path"/> and returns once it is held and a fresh reader is refused.</summary>
    public static ForeignLock Hold(string path)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(path);
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var held = new ForeignLock(process);
        if (process.StandardOutput.ReadLine() != "locked")
        {
            held.Dispose();
            throw new InvalidOperationException($"python3 could not lock {path}");
        }

        try
        {
            AssertBlocksReaders(path);
        }
        catch
        {
            held.Dispose();
            throw;
        }

        return held;
    }

    /// <summary>The test's precondition: a fresh read-only connection of this process is refused (SQLITE_PROTOCOL).</summary>
    private static void AssertBlocksReaders(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 1 }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master";
        var busy = Assert.Throws<SqliteException>(() => command.ExecuteScalar());
        Assert.Equal(15, busy.SqliteErrorCode); // SQLITE_PROTOCOL
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close(); // the script ends, and the kernel drops its lock
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill();
            }
        }

        _process.Dispose();
    }
}
