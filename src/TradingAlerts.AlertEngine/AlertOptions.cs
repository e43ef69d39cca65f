using System.ComponentModel.DataAnnotations;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.AlertEngine.Webhooks;

namespace TradingAlerts.AlertEngine;

/// <summary>What the engine watches and which rules it evaluates (section "Alerts").</summary>
public sealed class AlertOptions : IValidatableObject
{
    public const string Section = "Alerts";

    /// <summary>Catalogue symbols (broker suffixes are stripped); each gets its confluence and the bars of <see cref="Timeframes"/>.</summary>
    [MinLength(1)]
    public List<string> Symbols { get; set; } = [];

    /// <summary>Timeframes whose bars are watched (M5 … D1).</summary>
    public List<string> Timeframes { get; set; } = ["H1"];

    /// <summary>Alert when a symbol's confluence score reaches this (0–10); null: rule off.</summary>
    [Range(0.0, 10.0)]
    public double? ConfluenceThreshold { get; set; } = 7.0;

    /// <summary>Alert when a close crosses a horizontal peak or bottom line of the bar.</summary>
    public bool Trendlines { get; set; } = true;

    /// <summary>Keltner band (1 inner … 5 outer) a close must leave to alert; null: rule off.</summary>
    [Range(1, 5)]
    public int? KeltnerBand { get; set; } = 1;

    /// <summary>Evaluate every version of the forming bar instead of each bar once when it closes (docs/alert-engine.md).</summary>
    public bool Intrabar { get; set; }

    /// <summary>Where alerts are POSTed (section "Alerts:Webhook"); off without a URL.</summary>
    public WebhookOptions Webhook { get; set; } = new();

    /// <summary>Port the engine serves its Prometheus text on (<c>/metrics</c>); null: not served.</summary>
    [Range(1, 65535)]
    public int? MetricsPort { get; set; }

    /// <summary>Host name the metrics listener binds (HttpListener syntax: "+" for every address).</summary>
    public string MetricsHost { get; set; } = "localhost";

    /// <summary>Redis channel the alerts are published to (when ConnectionStrings:Redis is set).</summary>
    [Required]
    public string Channel { get; set; } = "alerts";

    /// <summary>How often the engine logs what it received (updates, alerts, subscriptions).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromMinutes(1);

    public IReadOnlyList<string> CatalogueSymbols() => [.. Symbols.Select(TradingAlerts.Abstractions.Catalogue.Symbols.Normalize).Distinct(StringComparer.Ordinal)];

    public IReadOnlyList<Pair> Pairs() =>
        [.. CatalogueSymbols().SelectMany(s => Timeframes.Select(tf => new Pair(s, TradingAlerts.Abstractions.Catalogue.Timeframes.Parse(tf)))).Distinct()];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var symbol in Symbols)
        {
            if (!TradingAlerts.Abstractions.Catalogue.Symbols.TryNormalize(symbol, out _, out var error))
            {
                yield return new ValidationResult(error, [nameof(Symbols)]);
            }
        }

        foreach (var timeframe in Timeframes.Where(tf => !TradingAlerts.Abstractions.Catalogue.Timeframes.TryParse(tf, out _)))
        {
            yield return new ValidationResult($"Unknown timeframe: {timeframe}", [nameof(Timeframes)]);
        }

        // DataAnnotations does not descend into the section: validate it here (ranges, then the URL/secret pair).
        var webhook = new List<ValidationResult>();
        Validator.TryValidateObject(Webhook, new ValidationContext(Webhook), webhook, validateAllProperties: true);
        foreach (var result in webhook)
        {
            yield return result;
        }
    }
}
