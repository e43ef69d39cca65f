using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
/// Each file is its own fault domain (<see cref="TailedFile"/>): a locked or corrupt file costs only its own symbols.
/// It learns of writes from the file's change notifications, with a slow poll as the fallback (IngestAgent.Wakeups.cs).
/// Failures (cluster, database, locked or corrupt file) back off exponentially with jitter and retry (IngestAgent.Retry.cs).
/// </summary>
public sealed partial class IngestAgent(
    IGrainFactory grains,
    IOptions<IngestOptions> options,
    IngestMetrics metrics,
    IngestStatus status,
    TimeProvider clock,
    ILogger<IngestAgent> logger) : BackgroundService
{
    private List<TailedFile> _files = [];

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var paths = settings.SqlitePaths.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Path.GetFullPath).Distinct().ToList();
        if (paths.Count == 0)
        {
            LogNoFiles(logger);
            return Task.CompletedTask;
        }

        _files = [.. paths.Select(path => Open(path, settings))];
        return Task.WhenAll(_files.SelectMany((file, i) => Tail(file, _files[..i], stoppingToken)));
    }

    private TailedFile Open(string path, IngestOptions settings)
    {
        var file = new TailedFile(
            new CollectorReader(path, settings.ReadBusyTimeout, validation: settings.CollectorValidation()),
            new CollectorQuarantine(path),
            settings.MaxConcurrentReads);
        if (settings.FileNotifications)
        {
            file.Watcher = CollectorFileWatcher.TryStart(file.Path, file.Changes, logger);
        }

        return file;
    }

    /// <summary>The loops of one file: one per catalogue symbol, and its integrity check.</summary>
    private IEnumerable<Task> Tail(TailedFile file, IReadOnlyList<TailedFile> earlier, CancellationToken stoppingToken)
    {
        LogTailing(logger, file.Path);
        status.RecordQuarantine(file.Path, file.Quarantine.Path, file.Quarantine.Count);
        return Symbols.All
            .Select(symbol => Task.Run(() => TailAsync(new SymbolTail(file, earlier, symbol, grains.GetGrain<ISymbolGrain>(symbol)), stoppingToken), stoppingToken))
            .Append(Task.Run(() => CheckIntegrityAsync(file, stoppingToken), stoppingToken));
    }

    /// <summary>
    /// One poll step of one (file, symbol): inspect the file, settle who carries the symbol and from which cursor, read
    /// one batch and hand it to the grain. <see cref="Step.Moved"/> when it moved rows (the next step follows at once).
    /// </summary>
    private async ValueTask<Step> PollOnceAsync(SymbolTail tail, CancellationToken token)
    {
        var (file, symbol, source) = (tail.File, tail.Symbol, tail.File.Path);
        SourceFile inspected;
        try
        {
            inspected = await file.ReadAsync(reader => reader.Inspect(symbol), token).ConfigureAwait(false);
        }
        catch (CollectorFileException)
        {
            file.ObservationFailed(symbol);
            throw;
        }

        file.Observed(symbol, inspected.MaxSeq);
        if (CarriedHere(tail, inspected) is { } elsewhere)
        {
            return elsewhere;
        }

        await AttachAsync(tail, inspected, token).ConfigureAwait(false);
        var read = await file.ReadAsync(reader => reader.Read(symbol, tail.Cursor!.Value, options.Value.BatchSize), token).ConfigureAwait(false);
        tail.LoggedError = null;
        if (read.Count == 0)
        {
            // Idle: close the pooled connections. While any connection of this process has the file open, SQLite keeps
            // using the -wal/-shm it opened, so a file restored in place (its -wal/-shm removed, a terminal writing
            // anew) would never be seen. Reopening when nothing is new costs what one open costs, and a busy file
            // (backfill, catch-up) keeps its pool.
            file.Reader.ReleasePooledConnections();
            status.Succeeded(source, symbol, tail.Cursor!.Value, [], clock.GetUtcNow());
            return Step.Idle;
        }

        if (read.Quarantined.Count > 0)
        {
            // Recorded (flushed) before the grain moves the cursor past them; a failure here retries the batch.
            Quarantine(file, symbol, read.Quarantined);
        }

        var result = await tail.Grain.Ingest(new IngestBatch(symbol, source, [.. read.Rows], read.LastSeq, tail.FileId)).WaitAsync(token).ConfigureAwait(false);
        tail.Cursor = result.Cursor;
        Record(source, symbol, result.Cursor, read.Rows);
        return Step.Moved;
    }

    private void Quarantine(TailedFile file, string symbol, IReadOnlyList<QuarantinedRow> rows)
    {
        var quarantine = file.Quarantine;
        var recorded = quarantine.Record(rows, clock.GetUtcNow());
        foreach (var rejected in rows)
        {
            LogQuarantined(logger, symbol, rejected.Seq, rejected.Timeframe, rejected.Timestamp, rejected.Reason, quarantine.Path);
        }

        metrics.Quarantined.Add(recorded, new KeyValuePair<string, object?>("symbol", symbol));
        status.RecordQuarantine(file.Path, quarantine.Path, quarantine.Count, symbol, quarantine.CountOf(symbol));
    }

    /// <summary>
    /// Two files carrying one symbol would overwrite each other's bars: the file listed first wins. Both must hold rows
    /// of it for a refusal; an empty or absent table here is simply not carried. The earlier files answer from what their
    /// own loops last saw (<see cref="TailedFile.CarriesRows"/>), so a lock on one of them never stalls this loop.
    /// Null when the symbol is read here; else why not (<see cref="Step.Undecided"/>: ask again soon).
    /// </summary>
    private Step? CarriedHere(SymbolTail tail, SourceFile inspected)
    {
        var (symbol, source) = (tail.Symbol, tail.File.Path);
        var answers = tail.Earlier.Select(f => (f.Path, Carries: f.CarriesRows(symbol))).ToList();
        if (inspected.MaxSeq > 0 && answers.Any(a => a.Carries is null))
        {
            return Step.Undecided; // an earlier file's loop has not looked yet (it does within a poll or a busy timeout): ask again
        }

        var owner = answers.FirstOrDefault(a => a.Carries == true).Path;
        var refusedBy = inspected.MaxSeq > 0 ? owner : null;
        if (!string.Equals(refusedBy, tail.RefusedBy, StringComparison.Ordinal))
        {
            if (refusedBy is null)
            {
                LogSymbolResumed(logger, symbol, source);
            }
            else
            {
                LogSymbolRefused(logger, symbol, source, refusedBy);
            }

            tail.RefusedBy = refusedBy;
        }

        if (refusedBy is not null)
        {
            status.Failed(source, symbol, $"refused: {refusedBy}, listed before it in Ingest:SqlitePaths, carries {symbol} too", clock.GetUtcNow());
            return Step.Elsewhere;
        }

        if (owner is not null)
        {
            status.NotCarried(source, symbol, clock.GetUtcNow());
            return Step.Elsewhere;
        }

        return null;
    }

    /// <summary>A first step, a recreated, restored or reset file: the grain decides the cursor, the warning names the file.</summary>
    private async Task AttachAsync(SymbolTail tail, SourceFile inspected, CancellationToken token)
    {
        var sameFile = string.Equals(inspected.FileId, tail.FileId, StringComparison.Ordinal);
        if (tail.Cursor is { } cursor && sameFile && inspected.MaxSeq >= cursor)
        {
            return;
        }

        var attached = await tail.Grain.Attach(tail.File.Path, inspected).WaitAsync(token).ConfigureAwait(false);
        // Pooled connections may still hold the file that was at the path before (also one this
        // process read before the agent restarted), and would keep reading it.
        if (attached.ResetReason is not null || (tail.Cursor is not null && !sameFile))
        {
            tail.File.Reader.ReleasePooledConnections();
        }

        if (attached.ResetReason is not null)
        {
            LogFileReset(logger, tail.File.Path, tail.Symbol, attached.ResetReason);
            tail.File.RequestIntegrityCheck();
        }

        (tail.Cursor, tail.FileId) = (attached.Cursor, inspected.FileId);
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
        foreach (var file in _files)
        {
            file.Dispose();
        }

        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest: no collector files configured (Ingest:SqlitePaths); the agent is idle")]
    private static partial void LogNoFiles(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest: tailing collector file {Path}")]
    private static partial void LogTailing(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collector file {Source} is read again from the start for {Symbol}: {Reason}")]
    private static partial void LogFileReset(ILogger logger, string source, string symbol, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest {Symbol}: refused from collector file {Source}, because {Owner}, listed before it in Ingest:SqlitePaths, carries {Symbol} too (one file per symbol; the first listed wins)")]
    private static partial void LogSymbolRefused(ILogger logger, string symbol, string source, string owner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest {Symbol}: collector file {Source} is again the only one carrying it")]
    private static partial void LogSymbolResumed(ILogger logger, string symbol, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quarantined {Symbol} row seq {Seq} ({Timeframe} {Timestamp}): {Reason} [kept in {QuarantineFile}]")]
    private static partial void LogQuarantined(ILogger logger, string symbol, long seq, string? timeframe, long? timestamp, string reason, string quarantineFile);
}
