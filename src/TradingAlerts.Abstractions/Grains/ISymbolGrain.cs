using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Abstractions.Grains;

/// <summary>
/// One per catalogue symbol (key: "EURUSD"). Owns the durable ingest cursor of each collector source and
/// routes batches to the symbol's nine TimeframeGrains.
/// </summary>
[Alias("TradingAlerts.ISymbolGrain")]
public interface ISymbolGrain : IGrainWithStringKey
{
    /// <summary>Highest seq of <paramref name="source"/> that is durable; 0 when nothing was ingested.</summary>
    [Alias("GetCursor")]
    Task<long> GetCursor(string source);

    /// <summary>
    /// The cursor to read <paramref name="source"/> from, checked against the file as it is now: a file with
    /// another identity than the one the cursor was read from, or whose highest seq is below the cursor (a
    /// recreated, restored or reset file), starts again from 0 and the reason is returned.
    /// </summary>
    [Alias("Attach")]
    Task<SourceCursor> Attach(string source, SourceFile file);

    /// <summary>
    /// Routes the batch (one call per timeframe) and returns the new cursor only after every bar is
    /// written through; a failure surfaces to the caller and leaves the cursor where it was.
    /// </summary>
    [Alias("Ingest")]
    Task<IngestResult> Ingest(IngestBatch batch);
}
