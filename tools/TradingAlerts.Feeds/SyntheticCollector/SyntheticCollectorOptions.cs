namespace TradingAlerts.Feeds.SyntheticCollector;

/// <summary>The synthetic collector a host runs in process as its demo (section "Demo").</summary>
public sealed class SyntheticCollectorOptions
{
    public const string Section = "Demo";

    /// <summary>Whether the host runs it; the host decides the default (the silo: on only when no collector file is configured).</summary>
    public bool? Enabled { get; set; }

    /// <summary>The collector file it writes, relative to the host's content root; recreated at every start.</summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "demo-collector.db");

    /// <summary>Days of history written before going live.</summary>
    public int Days { get; set; } = 30;

    /// <summary>Seconds between live cycles.</summary>
    public double IntervalSeconds { get; set; } = 1;

    /// <summary>Simulated seconds per second in the live phase.</summary>
    public double Speed { get; set; } = 1;
}
