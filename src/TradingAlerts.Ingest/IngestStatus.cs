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
            (_, old) => new SourceStatus(
                lastWrittenAtMs is { } w && (old.LastWrittenAtMs is null || w > old.LastWrittenAtMs) ? w : old.LastWrittenAtMs,
                error is null ? at : old.LastSuccess,
                error));
}

/// <param name="LastWrittenAtMs">Newest collector write ingested from the file (unix ms).</param>
/// <param name="LastSuccess">When a read-and-ingest last succeeded.</param>
/// <param name="LastError">The last failure, null once it succeeds again.</param>
public sealed record SourceStatus(long? LastWrittenAtMs, DateTimeOffset? LastSuccess, string? LastError);
