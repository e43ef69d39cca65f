namespace TradingAlerts.Grains;

/// <summary>
/// Anchor type of the grains assembly: hosts and test clusters reference it so the Orleans code
/// generator's metadata for this assembly is loaded.
/// </summary>
public static class GrainsAssembly
{
    public static System.Reflection.Assembly Assembly => typeof(GrainsAssembly).Assembly;
}
