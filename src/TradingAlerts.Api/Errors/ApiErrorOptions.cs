using System.ComponentModel.DataAnnotations;

namespace TradingAlerts.Api.Errors;

/// <summary>How the API answers failures (section "ApiErrors").</summary>
public sealed class ApiErrorOptions
{
    public const string Section = "ApiErrors";

    /// <summary>
    /// The <c>Retry-After</c> of a 503 (a dependency could not answer), sent in whole seconds. Short: a PostgreSQL
    /// failover or a silo restart is over in seconds, and reads from grain memory never wait for it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);
}
