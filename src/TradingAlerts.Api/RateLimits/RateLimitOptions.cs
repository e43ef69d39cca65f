using System.ComponentModel.DataAnnotations;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Api.RateLimits;

/// <summary>Per-caller request quotas on /api (section "RateLimits").</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>False removes the limiter from the pipeline altogether (benchmarks, a gateway that limits instead).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per <see cref="Window"/> for FREE and anonymous callers (per hour with the default window).</summary>
    [Range(1, 100_000)]
    public int FreePerHour { get; set; } = TierAccess.DefaultFreeRequestsPerHour;

    /// <summary>Requests per <see cref="Window"/> for PRO callers.</summary>
    [Range(1, 100_000)]
    public int ProPerHour { get; set; } = TierAccess.DefaultProRequestsPerHour;

    /// <summary>Length of the sliding window.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    public int LimitFor(Tier tier) => tier == Tier.Pro ? ProPerHour : FreePerHour;

    /// <summary>Read while the app is built: the switch decides whether the middleware exists at all.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue($"{Section}:{nameof(Enabled)}", defaultValue: true);
}
