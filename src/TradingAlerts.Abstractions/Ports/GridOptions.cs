using System.ComponentModel.DataAnnotations;

namespace TradingAlerts.Abstractions.Ports;

/// <summary>Grain settings (section "Grid").</summary>
public sealed class GridOptions
{
    public const string Section = "Grid";

    /// <summary>Bars each TimeframeGrain holds in memory (and rehydrates on activation).</summary>
    [Range(10, 1_000_000)]
    public int BarCapacity { get; set; } = 10_000;

    /// <summary>
    /// Grains of this silo that rehydrate from PostgreSQL at once; the others wait their turn. Bounds the memory,
    /// connections and CPU a cold start or a failover of many pairs takes at the same moment.
    /// </summary>
    [Range(1, 1_000)]
    public int RehydrationConcurrency { get; set; } = 4;

    /// <summary>
    /// Bars whose newest version each TimeframeGrain keeps whole in memory to answer <c>GetChangesSince</c> without
    /// PostgreSQL (docs/memory.md "Change log": what it costs); older changes are read from PostgreSQL, or answered
    /// with a reset in the embedded run.
    /// </summary>
    [Range(1, 1_000_000)]
    public int ChangeLogCapacity { get; set; } = 128;

    /// <summary>Signal changes each ConfluenceGrain keeps per timeframe for confluence at a past time.</summary>
    [Range(1, 1_000_000)]
    public int ConfluenceHistory { get; set; } = 2_000;

    /// <summary>How long an observer subscription lasts unless renewed.</summary>
    public TimeSpan ObserverExpiry { get; set; } = TimeSpan.FromMinutes(5);
}
