namespace TradingAlerts.Grains;

/// <summary>Name of the grain storage provider holding SymbolGrain cursors (memory embedded, ADO.NET in a cluster).</summary>
public static class GridStorage
{
    public const string Name = "grid";
}
