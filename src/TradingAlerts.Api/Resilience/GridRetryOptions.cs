using System.ComponentModel.DataAnnotations;

namespace TradingAlerts.Api.Resilience;

/// <summary>
/// How an API read retries a grain call that failed because a silo is stopping or just died (section "GridRetry";
/// docs/api-errors.md). Every API call is a read, so a retry is safe; the defaults span Orleans' detection of a dead
/// silo (a few seconds) before the caller sees a 503.
/// </summary>
public sealed class GridRetryOptions
{
    public const string Section = "GridRetry";

    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    [Range(0, 50)]
    public int MaxRetries { get; set; } = 12;

    /// <summary>The first pause; each next one doubles (with jitter) up to <see cref="MaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(100);

    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:30")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// No retry starts later than this after the first attempt, whatever <see cref="MaxRetries"/> allows: the jittered
    /// pauses vary, so a count alone ended some reads after 3 s, before Orleans had declared a killed silo dead (~6 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(10);
}
