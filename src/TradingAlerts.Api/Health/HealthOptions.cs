using System.ComponentModel.DataAnnotations;

namespace TradingAlerts.Api.Health;

/// <summary>Health thresholds (section "Health").</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// A collector file whose newest ingested write is older than this is stale, and <c>/api/health/sqlite</c>
    /// answers 503: a terminal that stopped writing raises no error, only silence.
    /// </summary>
    public TimeSpan SqliteStaleAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A pair is stale once no data arrived for this many of its bar durations (M5: 2 → 10 minutes, D1: 2 days).
    /// The collector rewrites every forming bar each cycle, so a live pair is normally seconds old.
    /// </summary>
    [Range(0.0001, 1000)]
    public double StaleAfterBars { get; set; } = 2;

    /// <summary>Bound of each dependency check (PostgreSQL, Redis, Orleans) and of the PostgreSQL health query.</summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A collector file whose agent sent no status for this long is silent (503): agents report every
    /// <c>Ingest:StatusInterval</c> (5 s), so a stopped or cut-off agent shows here.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan IngestSilentAfter { get; set; } = TimeSpan.FromSeconds(30);
}
