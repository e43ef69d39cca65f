using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.Ingest;

/// <summary>
/// A stateless pusher: for every collector file and symbol it asks the SymbolGrain for its cursor, reads
/// the rows with seq &gt; cursor in bounded batches and hands each batch to the grain in one call. The
/// grain owns the cursor and moves it only once the batch is durable, so a crash anywhere re-delivers.
/// Runs in the silo (embedded) or in its own process as an Orleans client: it needs only IGrainFactory.
/// Failures (cluster, database, locked or corrupt file) back off exponentially with jitter and retry.
/// </summary>
public sealed partial class IngestAgent(
    IGrainFactory grains,
    IOptions<IngestOptions> options,
    IngestMetrics metrics,
    IngestStatus status,
    TimeProvider clock,
    ILogger<IngestAgent> logger) : BackgroundService
{
    private SemaphoreSlim? _reads;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _reads = new SemaphoreSlim(options.Value.MaxConcurrentReads);
        var paths = options.Value.SqlitePaths.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Path.GetFullPath).Distinct().ToList();
        if (paths.Count == 0)
        {
            LogNoFiles(logger);
            return Task.CompletedTask;
        }

        var readers = paths.Select(path => new CollectorReader(path, validation: options.Value.CollectorValidation())).ToList();
        return Task.WhenAll(readers.SelectMany((reader, i) =>
        {
            var quarantine = new CollectorQuarantine(reader.Path);
            LogTailing(logger, reader.Path);
            status.RecordQuarantine(reader.Path, quarantine.Path, quarantine.Count);
            var earlier = readers[..i];
            return Symbols.All.Select(symbol => Task.Run(() => RunAsync(reader, quarantine, earlier, symbol, stoppingToken), stoppingToken));
        }));
    }

    /// <param name="earlier">Files listed before this one: a symbol with rows in one of them is theirs, not this file's.</param>
    private async Task RunAsync(CollectorReader reader, CollectorQuarantine quarantine, IReadOnlyList<CollectorReader> earlier, string symbol, CancellationToken stoppingToken)
    {
        var source = reader.Path;
        status.RecordQuarantine(source, quarantine.Path, quarantine.Count, symbol, quarantine.CountOf(symbol));
        var grain = grains.GetGrain<ISymbolGrain>(symbol);
        long? cursor = null;
        string? fileId = null;
        string? owner = null;
        var settings = options.Value;
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.FirstBackoff,
                MaxDelay = settings.MaxBackoff,
                OnRetry = args =>
                {
                    cursor = null; // ask the grain again: it knows what is durable
                    metrics.Failures.Add(1, IngestMetrics.Tags(source, symbol));
                    status.Failed(source, symbol, args.Outcome.Exception?.Message ?? "failed", clock.GetUtcNow());
                    LogRetry(logger, symbol, source, args.RetryDelay, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

        while (!stoppingToken.IsCancellationRequested)
        {
            bool progressed;
            try
            {
                progressed = await pipeline.ExecuteAsync(async token =>
                {
                    SourceFile file;
                    string? claimedBy;
                    await _reads!.WaitAsync(token).ConfigureAwait(false);
                    try
                    {
                        claimedBy = earlier.FirstOrDefault(other => HasRows(other, symbol))?.Path;
                        file = reader.Inspect(symbol);
                    }
                    finally
                    {
                        _reads.Release();
                    }

                    // Two files carrying one symbol would overwrite each other's bars: the file listed first wins.
                    if (!string.Equals(claimedBy, owner, StringComparison.Ordinal))
                    {
                        owner = claimedBy;
                        if (owner is null)
                        {
                            LogSymbolResumed(logger, symbol, source);
                        }
                        else
                        {
                            LogSymbolRefused(logger, symbol, source, owner);
                        }
                    }

                    if (owner is not null)
                    {
                        status.Failed(source, symbol, $"refused: {owner}, listed before it in Ingest:SqlitePaths, carries {symbol} too", clock.GetUtcNow());
                        return false;
                    }

                    // A recreated, restored or reset file: the grain decides the cursor, the warning names the file.
                    if (cursor is null || !string.Equals(file.FileId, fileId, StringComparison.Ordinal) || file.MaxSeq < cursor)
                    {
                        var attached = await grain.Attach(source, file).WaitAsync(token).ConfigureAwait(false);
                        // Pooled connections may still hold the file that was at the path before (also one this
                        // process read before the agent restarted), and would keep reading it.
                        if (attached.ResetReason is not null || (cursor is not null && !string.Equals(file.FileId, fileId, StringComparison.Ordinal)))
                        {
                            reader.ReleasePooledConnections();
                        }

                        if (attached.ResetReason is not null)
                        {
                            LogFileReset(logger, source, symbol, attached.ResetReason);
                        }

                        (cursor, fileId) = (attached.Cursor, file.FileId);
                    }

                    CollectorReadResult read;
                    await _reads.WaitAsync(token).ConfigureAwait(false);
                    try
                    {
                        read = reader.Read(symbol, cursor.Value, settings.BatchSize);
                    }
                    finally
                    {
                        _reads.Release();
                    }

                    if (read.Count == 0)
                    {
                        status.Succeeded(source, symbol, cursor.Value, [], clock.GetUtcNow());
                        return false;
                    }

                    if (read.Quarantined.Count > 0)
                    {
                        // Recorded (flushed) before the grain moves the cursor past them; a failure here retries the batch.
                        var recorded = quarantine.Record(read.Quarantined, clock.GetUtcNow());
                        foreach (var rejected in read.Quarantined)
                        {
                            LogQuarantined(logger, symbol, rejected.Seq, rejected.Timeframe, rejected.Timestamp, rejected.Reason, quarantine.Path);
                        }

                        metrics.Quarantined.Add(recorded, new KeyValuePair<string, object?>("symbol", symbol));
                        status.RecordQuarantine(source, quarantine.Path, quarantine.Count, symbol, quarantine.CountOf(symbol));
                    }

                    var result = await grain.Ingest(new IngestBatch(symbol, source, [.. read.Rows], read.LastSeq, fileId)).WaitAsync(token).ConfigureAwait(false);
                    cursor = result.Cursor;
                    Record(source, symbol, result.Cursor, read.Rows);
                    return true;
                }, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            if (!progressed)
            {
                try
                {
                    await Task.Delay(settings.PollInterval, clock, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private static bool HasRows(CollectorReader reader, string symbol)
    {
        try
        {
            return reader.Inspect(symbol).MaxSeq > 0;
        }
        catch (CollectorFileException)
        {
            return false; // a missing or unreadable file carries nothing; its own loop reports it
        }
    }

    private void Record(string source, string symbol, long cursor, IReadOnlyList<BarRecord> rows)
    {
        var now = clock.GetUtcNow();
        var tags = IngestMetrics.Tags(source, symbol);
        foreach (var row in rows)
        {
            metrics.Lag.Record(now.ToUnixTimeMilliseconds() - row.WrittenAtMs, tags);
        }

        metrics.Rows.Add(rows.Count, tags);
        status.Succeeded(source, symbol, cursor, rows, now);
    }

    public override void Dispose()
    {
        _reads?.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest: no collector files configured (Ingest:SqlitePaths); the agent is idle")]
    private static partial void LogNoFiles(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest: tailing collector file {Path}")]
    private static partial void LogTailing(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest {Symbol} from {Source} failed, retrying in {Delay}: {Error}")]
    private static partial void LogRetry(ILogger logger, string symbol, string source, TimeSpan delay, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collector file {Source} is read again from the start for {Symbol}: {Reason}")]
    private static partial void LogFileReset(ILogger logger, string source, string symbol, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest {Symbol}: refused from collector file {Source}, because {Owner}, listed before it in Ingest:SqlitePaths, carries {Symbol} too (one file per symbol; the first listed wins)")]
    private static partial void LogSymbolRefused(ILogger logger, string symbol, string source, string owner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest {Symbol}: collector file {Source} is again the only one carrying it")]
    private static partial void LogSymbolResumed(ILogger logger, string symbol, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quarantined {Symbol} row seq {Seq} ({Timeframe} {Timestamp}): {Reason} [kept in {QuarantineFile}]")]
    private static partial void LogQuarantined(ILogger logger, string symbol, long seq, string? timeframe, long? timestamp, string reason, string quarantineFile);
}
