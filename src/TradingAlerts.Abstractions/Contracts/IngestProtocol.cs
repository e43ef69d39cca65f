namespace TradingAlerts.Abstractions.Contracts;

// What an ingest agent and the SymbolGrain exchange (ISymbolGrain.Attach and Ingest): the file as it is, the cursor
// to read it from, a batch of rows and what the grain accepted.

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

/// <summary>What a collector file is now, for one symbol: checked against the SymbolGrain's cursor.</summary>
/// <param name="FileId">The file's identity (its <c>collector_file</c> row), or null for a file written before files had one.</param>
/// <param name="MaxSeq">Highest seq of the symbol's table now (0 when empty or absent).</param>
[GenerateSerializer, Immutable, Alias("TradingAlerts.SourceFile")]
public sealed record SourceFile(
    [property: Id(0)] string? FileId,
    [property: Id(1)] long MaxSeq);

/// <summary>The cursor to read a source from, and why it went back to the start when it did.</summary>
/// <param name="Cursor">Highest seq of the source that is durable; read rows with seq greater than it.</param>
/// <param name="ResetReason">Null, or why the cursor was reset to 0 (the file was recreated, restored or reset).</param>
[GenerateSerializer, Immutable, Alias("TradingAlerts.SourceCursor")]
public sealed record SourceCursor(
    [property: Id(0)] long Cursor,
    [property: Id(1)] string? ResetReason);

/// <summary>What the SymbolGrain accepted: the cursor is durable once this is returned.</summary>
/// <param name="Cursor">The source's cursor after the batch (highest seq now durable).</param>
/// <param name="BarsWritten">Bars written through to their timeframe grains.</param>
[GenerateSerializer, Immutable, Alias("TradingAlerts.IngestResult")]
public sealed record IngestResult(
    [property: Id(0)] long Cursor,
    [property: Id(1)] int BarsWritten);
