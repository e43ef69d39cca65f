using System.Collections.Concurrent;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.Ingest;

/// <summary>
/// One collector file as the agent tails it, and its own fault domain: its reads take only its own slots, so a
/// file whose reads wait on a lock (each up to the busy timeout) stalls no other file; and whether it carries a
/// symbol is answered from what its own symbol loops last saw, so a later-listed file never opens it to ask.
/// </summary>
internal sealed class TailedFile(CollectorReader reader, CollectorQuarantine quarantine, int maxConcurrentReads) : IDisposable
{
    // Every poll step inspects its symbol (identity and max seq) anyway, so the answer is at most a poll old. A failed
    // look keeps the last answer (a blocked file still owns the symbols it carried); a file never read carries nothing,
    // as an unreadable file carries nothing.
    private readonly ConcurrentDictionary<string, bool> _carries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _reads = new(maxConcurrentReads);
    private readonly SemaphoreSlim _checkRequested = new(0, 1);
    private readonly Lock _probe = new();
    private long _lastProbe;

    public string Path => reader.Path;

    public CollectorReader Reader => reader;

    public CollectorQuarantine Quarantine => quarantine;

    /// <summary>Raised by <see cref="Watcher"/> when the file or its WAL changed.</summary>
    public FileChangeSignal Changes { get; } = new();

    /// <summary>The file's change notifications, or null when the agent polls it (<see cref="IngestOptions.FileNotifications"/> off, or not available).</summary>
    public CollectorFileWatcher? Watcher { get; set; }

    /// <summary>Whether the loops may wait for a notification and trust the change check (else they poll as before).</summary>
    public bool Notified => Watcher is { Working: true };

    /// <summary>The file's change check: a stat of it and of its WAL, no connection.</summary>
    public FileSignature Signature() => FileSignature.Of(reader.Path);

    /// <summary>
    /// Once per <paramref name="interval"/> one symbol loop of the file reads although the change check says nothing
    /// changed: a lock or damage that nobody writes through shows as <c>blocked</c> or <c>corrupt</c> all the same.
    /// </summary>
    public bool TryClaimProbe(TimeProvider clock, TimeSpan interval)
    {
        lock (_probe)
        {
            var now = clock.GetTimestamp();
            if (_lastProbe != 0 && clock.GetElapsedTime(_lastProbe, now) < interval)
            {
                return false;
            }

            _lastProbe = now;
            return true;
        }
    }

    /// <summary>Runs a synchronous read of the file in one of its own read slots.</summary>
    public async Task<T> ReadAsync<T>(Func<CollectorReader, T> read, CancellationToken cancellationToken)
    {
        await _reads.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return read(reader);
        }
        finally
        {
            _reads.Release();
        }
    }

    /// <summary>Whether the file holds rows of <paramref name="symbol"/>; null until its loop for that symbol looked once.</summary>
    public bool? CarriesRows(string symbol) => _carries.TryGetValue(symbol, out var carries) ? carries : null;

    public void Observed(string symbol, long maxSeq) => _carries[symbol] = maxSeq > 0;

    public void ObservationFailed(string symbol) => _carries.TryAdd(symbol, false);

    /// <summary>Asks for a <c>PRAGMA quick_check</c> sooner than its interval (after a reset, a corrupt read, an I/O error).</summary>
    public void RequestIntegrityCheck()
    {
        lock (_checkRequested)
        {
            if (_checkRequested.CurrentCount == 0)
            {
                _checkRequested.Release();
            }
        }
    }

    /// <summary>Waits until a check is requested (true) or <paramref name="timeout"/> passes (false; infinite with -1 ms).</summary>
    public Task<bool> WaitForCheckRequestAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _checkRequested.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        Watcher?.Dispose();
        _reads.Dispose();
        _checkRequested.Dispose();
    }
}
