using System.Collections.Concurrent;

namespace TradingAlerts.Ingest;

/// <summary>What the agent last saw, for health endpoints: per file the newest collector write and the last success.</summary>
public sealed class IngestStatus
{
    private readonly ConcurrentDictionary<string, SourceStatus> _sources = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, SourceStatus> Sources => _sources;

    internal void Record(string source, long? lastWrittenAtMs, DateTimeOffset at, string? error) =>
        _sources.AddOrUpdate(source,
            _ => new SourceStatus(lastWrittenAtMs, error is null ? at : null, error),
            (_, old) => old with
            {
                LastWrittenAtMs = lastWrittenAtMs is { } w && (old.LastWrittenAtMs is null || w > old.LastWrittenAtMs) ? w : old.LastWrittenAtMs,
                LastSuccess = error is null ? at : old.LastSuccess,
                LastError = error,
            });

    /// <summary>The file's quarantine and how many rows it holds.</summary>
    internal void RecordQuarantine(string source, string quarantineFile, int quarantined) =>
        _sources.AddOrUpdate(source,
            _ => new SourceStatus(null, null, null) { QuarantineFile = quarantineFile, Quarantined = quarantined },
            (_, old) => old with { QuarantineFile = quarantineFile, Quarantined = quarantined });
}

/// <param name="LastWrittenAtMs">Newest collector write ingested from the file (unix ms).</param>
/// <param name="LastSuccess">When a read-and-ingest last succeeded.</param>
/// <param name="LastError">The last failure, null once it succeeds again.</param>
public sealed record SourceStatus(long? LastWrittenAtMs, DateTimeOffset? LastSuccess, string? LastError)
{
    /// <summary>The JSON Lines file holding the file's quarantined rows (beside the collector file).</summary>
    public string? QuarantineFile { get; init; }

    /// <summary>Rows the quarantine file holds.</summary>
    public int Quarantined { get; init; }
}
