using System.ComponentModel.DataAnnotations;
using TradingAlerts.Abstractions.Catalogue;

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
    }
}
