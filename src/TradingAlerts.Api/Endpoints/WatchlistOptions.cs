using System.ComponentModel.DataAnnotations;

namespace TradingAlerts.Api.Endpoints;

/// <summary>The watchlist endpoint (section "Api:Watchlist"; docs/api.md "Watchlist").</summary>
public sealed class WatchlistOptions
{
    public const string Section = "Api:Watchlist";

    /// <summary>The most pairs one watchlist request may name (more is a 400): one request, one unit of the caller's quota.</summary>
    [Range(1, 135)]
    public int MaxPairs { get; set; } = 30;
}
