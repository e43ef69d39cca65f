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

    /// <summary>Identity of the file each source's cursor counts in (absent for files without one).</summary>
    [Id(3)]
    public Dictionary<string, string> FileIds { get; set; } = [];
}
