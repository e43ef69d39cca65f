namespace TradingAlerts.Silo.Demo;

/// <summary>The in-process demo collector (section "Demo").</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>On by default only when no collector file is configured (Ingest:SqlitePaths).</summary>
    public bool? Enabled { get; set; }

    /// <summary>The demo's collector file, relative to the content root; recreated at every start.</summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "demo-collector.db");

    /// <summary>Days of history written before going live.</summary>
    public int Days { get; set; } = 30;

    /// <summary>Seconds between live cycles.</summary>
    public double IntervalSeconds { get; set; } = 1;

    /// <summary>Simulated seconds per second in the live phase.</summary>
    public double Speed { get; set; } = 1;
}
