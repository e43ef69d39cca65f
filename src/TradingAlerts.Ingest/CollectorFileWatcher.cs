using Microsoft.Extensions.Logging;

namespace TradingAlerts.Ingest;

/// <summary>
/// File-change notifications (inotify on Linux, ReadDirectoryChangesW on Windows) for a collector file and its
/// <c>-wal</c>, raised on the file's <see cref="FileChangeSignal"/>. Notifications can be lost (a network filesystem
/// written from another host, a full event queue): the symbol loops poll every <see cref="IngestOptions.FallbackPollInterval"/>
/// anyway, and a watcher that fails hands its file back to polling every <see cref="IngestOptions.PollInterval"/>.
/// </summary>
internal sealed partial class CollectorFileWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly string _path;
    private readonly ILogger _logger;
    private volatile bool _failed;

    private CollectorFileWatcher(FileSystemWatcher watcher, string path, ILogger logger)
    {
        (_watcher, _path, _logger) = (watcher, path, logger);
    }

    /// <summary>False once the watcher failed for good: the file's loops poll instead.</summary>
    public bool Working => !_failed;

    /// <summary>Watches <paramref name="path"/>, or returns null (logged) when its folder cannot be watched.</summary>
    public static CollectorFileWatcher? TryStart(string path, FileChangeSignal signal, ILogger logger)
    {
        var name = Path.GetFileName(path);
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!)
            {
                // Not the -shm: SQLite writes it through a memory map, which raises nothing, and readers touch it too.
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            watcher.Filters.Add(name);
            watcher.Filters.Add(name + "-wal");
            var watching = new CollectorFileWatcher(watcher, path, logger);
            watcher.Changed += (_, _) => signal.Raise(replaced: false);
            watcher.Created += (_, _) => signal.Raise(replaced: true);
            watcher.Deleted += (_, _) => signal.Raise(replaced: true);
            watcher.Renamed += (_, _) => signal.Raise(replaced: true);
            watcher.Error += (_, e) => watching.Failed(e.GetException(), signal);
            watcher.EnableRaisingEvents = true;
            return watching;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            watcher?.Dispose();
            LogUnavailable(logger, path, ex.Message);
            return null;
        }
    }

    private void Failed(Exception error, FileChangeSignal signal)
    {
        // Lost notifications: whatever they said, the loops look now.
        if (error is InternalBufferOverflowException)
        {
            LogOverflow(_logger, _path);
        }
        else
        {
            _failed = true;
            LogFailed(_logger, _path, error.Message);
        }

        signal.Raise(replaced: true);
    }

    public void Dispose() => _watcher.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest: no change notifications for collector file {Path} ({Error}); it is polled every Ingest:PollInterval instead")]
    private static partial void LogUnavailable(ILogger logger, string path, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest: change notifications for collector file {Path} overflowed; its symbols are read now")]
    private static partial void LogOverflow(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest: change notifications for collector file {Path} failed ({Error}); it is polled every Ingest:PollInterval from now on")]
    private static partial void LogFailed(ILogger logger, string path, string error);
}
