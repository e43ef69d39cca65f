namespace TradingAlerts.Abstractions.Contracts;

/// <summary>The cursor to read a source from, and why it went back to the start when it did.</summary>
/// <param name="Cursor">Highest seq of the source that is durable; read rows with seq greater than it.</param>
/// <param name="ResetReason">Null, or why the cursor was reset to 0 (the file was recreated, restored or reset).</param>
[GenerateSerializer, Immutable, Alias("TradingAlerts.SourceCursor")]
public sealed record SourceCursor(
    [property: Id(0)] long Cursor,
    [property: Id(1)] string? ResetReason);
