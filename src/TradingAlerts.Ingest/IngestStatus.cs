using System.Collections.Concurrent;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Ingest;

/// <summary>
/// What this process's agent last saw, per (file, symbol): each symbol's loop records its own successes and
/// failures, so one failing symbol stays visible while the others of its file succeed.
/// <see cref="IngestStatusReporter"/> sends it into the grid, where every silo's health check reads it.
/// </summary>
public sealed class IngestStatus
{
    private readonly ConcurrentDictionary<(string File, string Symbol), IngestSymbolStatus> _symbols = new();
    private readonly ConcurrentDictionary<string, (string Path, int Count)> _quarantines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string? Corrupt, long AtMs)> _checks = new(StringComparer.Ordinal);

    /// <summary>A pass of <paramref name="symbol"/> succeeded: clears its error; <paramref name="rows"/> may be empty (nothing new).</summary>
    internal void Succeeded(string file, string symbol, long cursor, IReadOnlyList<BarRecord> rows, DateTimeOffset at)
    {
        var now = at.ToUnixTimeMilliseconds();
        long? newest = rows.Count == 0 ? null : rows.Max(r => r.WrittenAtMs);
        _symbols.AddOrUpdate((file, symbol),
            _ => new IngestSymbolStatus(symbol, cursor, newest, newest is { } w ? now - w : null, now, null, null, 0),
            (_, old) => old with
            {
                LastSeq = cursor,
                LastWrittenAtMs = newest is { } w && (old.LastWrittenAtMs is null || w > old.LastWrittenAtMs) ? w : old.LastWrittenAtMs,
                LagMs = newest is { } n ? now - n : old.LagMs,
                LastSuccessMs = now,
                LastError = null,
                LastErrorAtMs = null,
                Fault = null,
            });
    }

    /// <summary>
    /// The file holds no rows of <paramref name="symbol"/> while a file listed before it does: not carried here,
    /// which is fine (an empty or absent table), so no error and no cursor.
    /// </summary>
    internal void NotCarried(string file, string symbol, DateTimeOffset at) =>
        _symbols.AddOrUpdate((file, symbol),
            _ => new IngestSymbolStatus(symbol, null, null, null, at.ToUnixTimeMilliseconds(), null, null, 0),
            (_, old) => old with { LastSuccessMs = at.ToUnixTimeMilliseconds(), LastError = null, LastErrorAtMs = null, Fault = null });

    /// <summary>A pass of <paramref name="symbol"/> failed (it is retried with back-off); <paramref name="fault"/> says when the file is blocked or corrupt.</summary>
    internal void Failed(string file, string symbol, string error, DateTimeOffset at, string? fault = null) =>
        _symbols.AddOrUpdate((file, symbol),
            _ => new IngestSymbolStatus(symbol, null, null, null, null, error, at.ToUnixTimeMilliseconds(), 0, fault),
            (_, old) => old with { LastError = error, LastErrorAtMs = at.ToUnixTimeMilliseconds(), Fault = fault });

    /// <summary>The file's <c>PRAGMA quick_check</c> completed: <paramref name="corrupt"/> is what it found wrong, or null.</summary>
    internal void Checked(string file, string? corrupt, DateTimeOffset at) => _checks[file] = (corrupt, at.ToUnixTimeMilliseconds());

    /// <summary>The file's quarantine: where it is, how many rows it holds, and how many of them are <paramref name="symbol"/>'s.</summary>
    internal void RecordQuarantine(string file, string quarantineFile, int total, string? symbol = null, int symbolCount = 0)
    {
        _quarantines[file] = (quarantineFile, total);
        if (symbol is not null)
        {
            _symbols.AddOrUpdate((file, symbol),
                _ => new IngestSymbolStatus(symbol, null, null, null, null, null, null, symbolCount),
                (_, old) => old with { Quarantined = symbolCount });
        }
    }

    /// <summary>Every file this agent tails, with every symbol it has seen there (ordered), as the grid stores it.</summary>
    public IReadOnlyList<IngestFileStatus> Snapshot(string agent) =>
    [
        .. _quarantines.Keys.Union(_symbols.Keys.Select(k => k.File)).Order(StringComparer.Ordinal).Select(file =>
        {
            var quarantine = _quarantines.GetValueOrDefault(file);
            (string? Corrupt, long AtMs)? check = _checks.TryGetValue(file, out var c) ? c : null;
            return new IngestFileStatus(agent, file, quarantine.Path, quarantine.Count,
                [.. _symbols.Where(s => s.Key.File == file).Select(s => s.Value).OrderBy(s => s.Symbol, StringComparer.Ordinal)],
                check?.Corrupt, check?.AtMs);
        }),
    ];
}
