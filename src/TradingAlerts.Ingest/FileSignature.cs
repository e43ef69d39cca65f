namespace TradingAlerts.Ingest;

/// <summary>What a stat of one file says: a change of any of it means the file was written (or replaced).</summary>
internal readonly record struct FileStamp(bool Exists, long Length, DateTime WrittenUtc, DateTime CreatedUtc)
{
    public static FileStamp Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(true, info.Length, info.LastWriteTimeUtc, info.CreationTimeUtc) : default;
    }
}

/// <summary>
/// The change check of a collector file without opening it: a stat of the file and of its <c>-wal</c>. Every commit
/// writes the WAL (appends frames, or rewrites it from the start after a checkpoint: a new modification time), a
/// checkpoint writes the file, a restore or recreation changes the file; so an unchanged signature means nothing was
/// committed. It needs no SQLite connection, unlike <c>PRAGMA data_version</c>: a connection held open keeps the
/// <c>-wal</c>/<c>-shm</c> it opened, and a file replaced in place would not be seen (docs/collector-health.md).
/// </summary>
internal readonly record struct FileSignature(FileStamp Database, FileStamp Wal)
{
    /// <summary>
    /// Modification times are as coarse as the filesystem's clock (the kernel's tick, a few milliseconds, on a Linux
    /// disk; whole seconds or 2 s on FAT and some network shares), so a commit in the same tick as the look before a
    /// read, with the WAL's size unchanged (rewritten from its start), would look alike: a signature taken this close
    /// to its newest write is not trusted as unchanged. Kept short where times have sub-second digits, because every
    /// look opens the WAL, and a root process's open changes its owner (to the same one), which notifies too.
    /// </summary>
    private static readonly TimeSpan FineSettleTime = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan CoarseSettleTime = TimeSpan.FromSeconds(2);

    public static FileSignature Of(string path) => new(FileStamp.Of(path), FileStamp.Of(path + "-wal"));

    /// <summary>Whether the newest write this signature saw lies far enough (a few ticks of its clock) before <paramref name="now"/>.</summary>
    public bool SettledAt(DateTimeOffset now)
    {
        var newest = Database.WrittenUtc > Wal.WrittenUtc ? Database.WrittenUtc : Wal.WrittenUtc;
        var settle = newest.Ticks % TimeSpan.TicksPerSecond == 0 ? CoarseSettleTime : FineSettleTime;
        return (now.UtcDateTime - newest).Duration() >= settle;
    }
}
