namespace TradingAlerts.Abstractions.Contracts;

/// <summary>What a collector file is now, for one symbol: checked against the SymbolGrain's cursor.</summary>
/// <param name="FileId">The file's identity (its <c>collector_file</c> row), or null for a file written before files had one.</param>
/// <param name="MaxSeq">Highest seq of the symbol's table now (0 when empty or absent).</param>
[GenerateSerializer, Immutable, Alias("TradingAlerts.SourceFile")]
public sealed record SourceFile(
    [property: Id(0)] string? FileId,
    [property: Id(1)] long MaxSeq);
