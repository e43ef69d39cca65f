using Microsoft.Extensions.Logging;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.Ingest;

/// <summary>
/// A file's <c>PRAGMA quick_check</c>: when tailing starts, when a symbol loop asks (a reset, a corrupt read, an I/O
/// error) and every <see cref="IngestOptions.IntegrityCheckInterval"/>. Reads alone notice damage only where they
/// happen to look, so without it a truncated or overwritten file would read "ok" until its data went stale.
/// </summary>
public sealed partial class IngestAgent
{
    /// <summary>The check waits this many times its own last duration before it runs again: at most a tenth of one read slot.</summary>
    private const int CheckCostFactor = 10;

    private async Task CheckIntegrityAsync(TailedFile file, CancellationToken stoppingToken)
    {
        var interval = options.Value.IntegrityCheckInterval;
        string? reported = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var started = clock.GetTimestamp();
                try
                {
                    var corrupt = await file.ReadAsync(reader => reader.QuickCheck(), stoppingToken).ConfigureAwait(false);
                    status.Checked(file.Path, corrupt, clock.GetUtcNow());
                    if (!string.Equals(corrupt, reported, StringComparison.Ordinal))
                    {
                        if (corrupt is null)
                        {
                            LogIntact(logger, file.Path);
                        }
                        else
                        {
                            LogCorrupt(logger, file.Path, corrupt);
                        }

                        reported = corrupt;
                    }
                }
                catch (CollectorFileException ex)
                {
                    // Missing or locked says nothing about damage: the symbol loops report it; the last result stands.
                    LogCheckSkipped(logger, file.Path, ex.Message);
                }

                var pause = clock.GetElapsedTime(started) * CheckCostFactor;
                await Task.Delay(pause, clock, stoppingToken).ConfigureAwait(false);
                var rest = interval <= TimeSpan.Zero ? Timeout.InfiniteTimeSpan : interval - pause;
                if (rest > TimeSpan.Zero || rest == Timeout.InfiniteTimeSpan)
                {
                    await file.WaitForCheckRequestAsync(rest, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Collector file {Path} is corrupt ({Reason}); its symbols are read where they still can be. Restore it from a backup or let its collector recreate it")]
    private static partial void LogCorrupt(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collector file {Path}: PRAGMA quick_check ok")]
    private static partial void LogIntact(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Collector file {Path}: quick_check skipped: {Error}")]
    private static partial void LogCheckSkipped(ILogger logger, string path, string error);
}
