namespace TradingAlerts.Grains;

/// <summary>Durable state of a SymbolGrain: the ingest cursor of each collector source, and counters.</summary>
[GenerateSerializer, Alias("TradingAlerts.SymbolIngestState")]
public sealed class SymbolIngestState
{
    /// <summary>Highest seq of each source (collector file) whose rows are durable in the grid.</summary>
    [Id(0)]
    public Dictionary<string, long> Cursors { get; set; } = [];

    [Id(1)]
    public long RowsIngested { get; set; }

    [Id(2)]
    public long Batches { get; set; }
}
