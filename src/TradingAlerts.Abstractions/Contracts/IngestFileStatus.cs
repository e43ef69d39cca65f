namespace TradingAlerts.Abstractions.Contracts;

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
