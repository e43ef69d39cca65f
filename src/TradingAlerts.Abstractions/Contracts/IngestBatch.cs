namespace TradingAlerts.Abstractions.Contracts;

/// <summary>
/// Rows read from a collector file for one symbol, in <c>seq</c> order, handed to the SymbolGrain in
/// one call.
/// </summary>
/// <param name="Symbol">Catalogue symbol the rows belong to.</param>
/// <param name="Source">Identifies the collector file, so each file keeps its own cursor.</param>
/// <param name="Rows">Valid rows with <c>seq</c> greater than the cursor, ascending.</param>
/// <param name="LastSeq">Highest seq read, including quarantined rows, so the cursor can pass over them.</param>
/// <param name="FileId">Identity of the file the rows were read from (null for files without one): a batch read
/// from a file that has since been replaced is not applied.</param>
[GenerateSerializer, Immutable, Alias("TradingAlerts.IngestBatch")]
public sealed record IngestBatch(
    [property: Id(0)] string Symbol,
    [property: Id(1)] string Source,
    [property: Id(2)] BarRecord[] Rows,
    [property: Id(3)] long LastSeq,
    [property: Id(4)] string? FileId = null);
