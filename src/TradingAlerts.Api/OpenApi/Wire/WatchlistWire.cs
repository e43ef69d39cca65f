using System.Text.Json.Serialization;

namespace TradingAlerts.Api.OpenApi.Wire;

// The watchlist body: these records are what WatchlistApi serializes (web defaults: camelCase, snake_case where named).

/// <summary><c>GET /api/watchlist</c>: the pairs asked for, in the order asked.</summary>
internal sealed record WatchlistResponseWire
{
    public required bool Success { get; init; }

    public required WatchlistDataWire Data { get; init; }
}

internal sealed record WatchlistDataWire
{
    public required IReadOnlyList<WatchlistPairWire> Pairs { get; init; }

    public required WatchlistMetadataWire Metadata { get; init; }
}

/// <summary>One pair: its latest bar, signal and freshness; <c>locked</c> (and the rest null) when the caller's tier does not reach it.</summary>
internal sealed record WatchlistPairWire
{
    public required string Symbol { get; init; }

    public required string Timeframe { get; init; }

    /// <summary>True when the pair needs the PRO tier: no data is sent for it.</summary>
    public required bool Locked { get; init; }

    /// <summary>The latest bar (the forming one, <c>closed</c> false); null when locked or when the pair has no data yet.</summary>
    public required OhlcBarWire? Bar { get; init; }

    /// <summary>PRO: the signal computed from the latest bar; null for FREE, when locked or without data.</summary>
    public required WatchlistSignalWire? Signal { get; init; }

    /// <summary>Null when locked.</summary>
    public required WatchlistFreshnessWire? Freshness { get; init; }
}

/// <summary>The pair's signal (docs/architecture.md "Signals and the confluence score").</summary>
internal sealed record WatchlistSignalWire
{
    /// <summary>bullish, bearish or neutral.</summary>
    public required string Trend { get; init; }

    /// <summary>|net votes| / signals available, 0..1.</summary>
    public required double Strength { get; init; }

    /// <summary>Open time of the bar it was computed from (unix seconds, the bars' clock).</summary>
    [JsonPropertyName("bar_time")]
    public required long BarTime { get; init; }
}

/// <summary>As <c>/api/indicators/health</c> judges the pair (<c>Health:StaleAfterBars</c>).</summary>
internal sealed record WatchlistFreshnessWire
{
    /// <summary>fresh, stale or empty.</summary>
    public required string Status { get; init; }

    /// <summary>Bars the grid holds in memory for the pair.</summary>
    public required int Bars { get; init; }

    /// <summary>Unix ms when the pair last received data (null when it has received none since its grain started).</summary>
    [JsonPropertyName("last_update")]
    public required long? LastUpdate { get; init; }

    /// <summary>A pair is stale once no data arrived for this long.</summary>
    [JsonPropertyName("stale_after_seconds")]
    public required double StaleAfterSeconds { get; init; }
}

internal sealed record WatchlistMetadataWire
{
    /// <summary>FREE or PRO.</summary>
    public required string Tier { get; init; }

    [JsonPropertyName("pairs_returned")]
    public required int PairsReturned { get; init; }
}
