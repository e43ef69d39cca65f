namespace TradingAlerts.Abstractions.Contracts;

// What an ingest agent reports into the grid per collector file and symbol (IIngestStatusGrain), and how it is held.

/// <summary>One collector file as the agent tailing it last saw it, per symbol.</summary>
/// <param name="Agent">The reporting agent (<c>Ingest:AgentName</c>, default the host name).</param>
/// <param name="File">The collector file's full path on the agent's host.</param>
/// <param name="QuarantineFile">The JSON Lines file beside it holding its quarantined rows.</param>
/// <param name="Quarantined">Rows that quarantine file holds.</param>
/// <param name="Symbols">Every catalogue symbol the agent tails in the file (also those without rows).</param>
/// <param name="Corrupt">What the file's last <c>PRAGMA quick_check</c> found wrong, or null when it passed or has not run (older agents send none).</param>
/// <param name="CheckedAtMs">When that check last completed (unix ms, the agent's clock), or null.</param>
[GenerateSerializer, Immutable, Alias("TradingAlerts.IngestFileStatus")]
public sealed record IngestFileStatus(
    [property: Id(0)] string Agent,
    [property: Id(1)] string File,
    [property: Id(2)] string? QuarantineFile,
    [property: Id(3)] int Quarantined,
    [property: Id(4)] IReadOnlyList<IngestSymbolStatus> Symbols,
    [property: Id(5)] string? Corrupt = null,
    [property: Id(6)] long? CheckedAtMs = null);

/// <summary>A file's last report as the status grain holds it.</summary>
/// <param name="Status">What the agent reported.</param>
/// <param name="ReceivedAtMs">When the grain received it (unix ms, the silo's clock): a file whose agent stopped reporting goes silent.</param>
[GenerateSerializer, Immutable, Alias("TradingAlerts.IngestFileReport")]
public sealed record IngestFileReport(
    [property: Id(0)] IngestFileStatus Status,
    [property: Id(1)] long ReceivedAtMs);

/// <summary>How an ingest agent last saw one symbol of one collector file: reported into the grid, so every silo can answer.</summary>
/// <param name="Symbol">The catalogue symbol.</param>
/// <param name="LastSeq">The cursor after the last successful pass (seq of the newest row made durable), or null before the first.</param>
/// <param name="LastWrittenAtMs">Newest collector write time among the rows ingested (unix ms, the collector's clock), or null.</param>
/// <param name="LagMs">The newest batch's lag: ingest time minus that write time (ms), or null before the first row.</param>
/// <param name="LastSuccessMs">When a pass (read and ingest, or a read with nothing new) last succeeded (unix ms, the agent's clock).</param>
/// <param name="LastError">The last failure of this symbol, null once a pass of this symbol succeeds again.</param>
/// <param name="LastErrorAtMs">When <paramref name="LastError"/> happened (unix ms), or null.</param>
/// <param name="Quarantined">Rows of this symbol the file's quarantine holds.</param>
/// <param name="Fault">
/// Set with <paramref name="LastError"/> when the file itself is at fault: <c>blocked</c> (a read waited past the busy
/// timeout on another process's lock) or <c>corrupt</c> (SQLite reported SQLITE_CORRUPT or SQLITE_NOTADB); null otherwise.
/// Added after the first release: an older agent sends none.
/// </param>
[GenerateSerializer, Immutable, Alias("TradingAlerts.IngestSymbolStatus")]
public sealed record IngestSymbolStatus(
    [property: Id(0)] string Symbol,
    [property: Id(1)] long? LastSeq,
    [property: Id(2)] long? LastWrittenAtMs,
    [property: Id(3)] long? LagMs,
    [property: Id(4)] long? LastSuccessMs,
    [property: Id(5)] string? LastError,
    [property: Id(6)] long? LastErrorAtMs,
    [property: Id(7)] int Quarantined,
    [property: Id(8)] string? Fault = null)
{
    /// <summary><see cref="Fault"/> of a file whose read waited past the busy timeout on another process's lock.</summary>
    public const string Blocked = "blocked";

    /// <summary><see cref="Fault"/> of a file SQLite reported as corrupt or not a database.</summary>
    public const string Corrupt = "corrupt";
}
