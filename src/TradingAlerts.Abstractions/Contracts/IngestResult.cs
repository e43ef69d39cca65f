namespace TradingAlerts.Abstractions.Contracts;

/// <summary>What the SymbolGrain accepted: the cursor is durable once this is returned.</summary>
/// <param name="Cursor">The source's cursor after the batch (highest seq now durable).</param>
/// <param name="BarsWritten">Bars written through to their timeframe grains.</param>
[GenerateSerializer, Immutable, Alias("TradingAlerts.IngestResult")]
public sealed record IngestResult(
    [property: Id(0)] long Cursor,
    [property: Id(1)] int BarsWritten);
