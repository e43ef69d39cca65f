using System.ComponentModel.DataAnnotations;

namespace TradingAlerts.Api.Endpoints;

/// <summary>History by time range (section "Api:History"; docs/api.md "History by time range").</summary>
public sealed class HistoryOptions
{
    public const string Section = "Api:History";

    /// <summary>
    /// The most bars one range request may span: a <c>limit</c> above it, or a <c>from</c>/<c>to</c> range without a
    /// <c>limit</c> with more bar slots than this, is a 400 (a client pages with <c>to</c> instead).
    /// </summary>
    [Range(1, 100_000)]
    public int MaxBars { get; set; } = 5000;
}
