using System.ComponentModel.DataAnnotations;

namespace TradingAlerts.AlertEngine.Webhooks;

/// <summary>Webhook delivery (section "Alerts:Webhook"): every alert is POSTed to <see cref="Url"/>, signed with <see cref="Secret"/>.</summary>
public sealed class WebhookOptions : IValidatableObject
{
    /// <summary>The receiver (http or https); empty: no webhook.</summary>
    public string? Url { get; set; }

    /// <summary>Key of the HMAC-SHA256 signature header; required with a URL, never defaulted.</summary>
    public string? Secret { get; set; }

    /// <summary>Tries per alert before it is dead-lettered.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Wait after the first failed try; doubled after each further one, up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one POST may take before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>POSTs in flight at once.</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 8;

    /// <summary>How often the outbox is looked at when nothing signals new alerts (retries come due, another run's rows).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    /// <summary>The wait before try <paramref name="attempt"/> + 1 after <paramref name="attempt"/> failed tries.</summary>
    public TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks((long)Math.Min(MaxBackoff.Ticks, InitialBackoff.Ticks * Math.Pow(2, Math.Max(0, attempt - 1))));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult($"Alerts:Webhook:Url is not an http(s) URL: {Url}", [nameof(Url)]);
        }

        if (string.IsNullOrEmpty(Secret))
        {
            yield return new ValidationResult("Alerts:Webhook:Secret is required when Alerts:Webhook:Url is set (receivers verify the signature with it)", [nameof(Secret)]);
        }
    }
}
