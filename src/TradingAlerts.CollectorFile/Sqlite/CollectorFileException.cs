namespace TradingAlerts.CollectorFile.Sqlite;

/// <summary>A collector file cannot be read at all: missing, not a SQLite database, or locked too long.</summary>
public sealed class CollectorFileException : Exception
{
    public CollectorFileException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public CollectorFileException()
    {
    }

    public CollectorFileException(string message)
        : base(message)
    {
    }
}
