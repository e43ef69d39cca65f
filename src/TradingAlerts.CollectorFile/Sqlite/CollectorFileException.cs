namespace TradingAlerts.CollectorFile.Sqlite;

/// <summary>A collector file cannot be read at all: missing, not a SQLite database, or locked too long.</summary>
public sealed class CollectorFileException : Exception
{
    public CollectorFileException(string message, Exception? inner = null, CollectorFileFault fault = CollectorFileFault.Unreadable)
        : base(message, inner)
    {
        Fault = fault;
    }

    public CollectorFileException()
    {
    }

    public CollectorFileException(string message)
        : base(message)
    {
    }

    /// <summary>What kind of fault it is: the agent reports blocked and corrupt files as such.</summary>
    public CollectorFileFault Fault { get; }
}

/// <summary>Why a collector file could not be read.</summary>
public enum CollectorFileFault
{
    /// <summary>Any other SQLite error.</summary>
    Unreadable,

    /// <summary>No file at the path.</summary>
    Missing,

    /// <summary>Another process held a lock past the reader's busy timeout (SQLITE_BUSY, SQLITE_LOCKED) or its WAL read locks (SQLITE_PROTOCOL).</summary>
    Blocked,

    /// <summary>SQLITE_CORRUPT or SQLITE_NOTADB, or <c>PRAGMA quick_check</c> found damage.</summary>
    Corrupt,

    /// <summary>SQLITE_IOERR or SQLITE_CANTOPEN: often a file replaced under open connections.</summary>
    IoError,
}
