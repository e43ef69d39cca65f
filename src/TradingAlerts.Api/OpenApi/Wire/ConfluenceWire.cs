using System.Text.Json.Serialization;

namespace TradingAlerts.Api.OpenApi.Wire;

// The shapes ConfluenceResponseJson writes by hand, for the OpenAPI document only (see IndicatorsWire.cs).

/// <summary><c>GET /api/confluence/{symbol}</c> and the stream's <c>confluence</c> event.</summary>
internal sealed record ConfluenceResponseWire
{
    public required bool Success { get; init; }

    public required string Symbol { get; init; }

    /// <summary>UTC on the bars' clock (<c>yyyy-MM-ddTHH:mm:ssZ</c>); null while no timeframe has a bar.</summary>
    public required string? Timestamp { get; init; }

    /// <summary>0 to 10, one decimal.</summary>
    [JsonPropertyName("confluence_score")]
    public required double ConfluenceScore { get; init; }

    /// <summary>Always 10.</summary>
    [JsonPropertyName("max_score")]
    public required int MaxScore { get; init; }

    /// <summary>How many timeframes lean each way.</summary>
    public required SignalCountsWire Signals { get; init; }

    public required ConfluenceBreakdownWire Breakdown { get; init; }

    /// <summary>The 13 indicators of each timeframe's bar in force.</summary>
    [JsonPropertyName("all_117_indicators")]
    public required ConfluenceIndicatorsWire All117Indicators { get; init; }
}

internal sealed record SignalCountsWire
{
    public required int Bullish { get; init; }

    public required int Bearish { get; init; }

    public required int Neutral { get; init; }
}

/// <summary>One entry per timeframe, all nine always present.</summary>
internal sealed record ConfluenceBreakdownWire
{
    [JsonPropertyName("M5")] public required TimeframeSignalWire M5 { get; init; }
    [JsonPropertyName("M15")] public required TimeframeSignalWire M15 { get; init; }
    [JsonPropertyName("M30")] public required TimeframeSignalWire M30 { get; init; }
    [JsonPropertyName("H1")] public required TimeframeSignalWire H1 { get; init; }
    [JsonPropertyName("H2")] public required TimeframeSignalWire H2 { get; init; }
    [JsonPropertyName("H4")] public required TimeframeSignalWire H4 { get; init; }
    [JsonPropertyName("H8")] public required TimeframeSignalWire H8 { get; init; }
    [JsonPropertyName("H12")] public required TimeframeSignalWire H12 { get; init; }
    [JsonPropertyName("D1")] public required TimeframeSignalWire D1 { get; init; }
}

internal sealed record TimeframeSignalWire
{
    public required TrendWire Trend { get; init; }

    /// <summary>Rounded to 4 decimals; 0 for a neutral timeframe without bars.</summary>
    public required double Strength { get; init; }

    /// <summary>Each signal's vote (+1, −1, 0); absent when its indicator had no value.</summary>
    public required SignalVotesWire Signals { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<TrendWire>))]
internal enum TrendWire
{
    [JsonStringEnumMemberName("bullish")] Bullish,
    [JsonStringEnumMemberName("bearish")] Bearish,
    [JsonStringEnumMemberName("neutral")] Neutral,
}

/// <summary>The named signals (docs/architecture.md#signals-and-the-confluence-score), each present only when it voted.</summary>
internal sealed record SignalVotesWire
{
    [JsonPropertyName("close_vs_tema")] public int CloseVsTema { get; init; }
    [JsonPropertyName("close_vs_hrma")] public int CloseVsHrma { get; init; }
    [JsonPropertyName("close_vs_smma")] public int CloseVsSmma { get; init; }
    [JsonPropertyName("ma_stack")] public int MaStack { get; init; }
    [JsonPropertyName("keltner")] public int Keltner { get; init; }
    [JsonPropertyName("zigzag_structure")] public int ZigzagStructure { get; init; }
    [JsonPropertyName("fractal_break")] public int FractalBreak { get; init; }
    [JsonPropertyName("momentum")] public int Momentum { get; init; }
    [JsonPropertyName("horizontal_break")] public int HorizontalBreak { get; init; }
}

/// <summary>One entry per timeframe, all nine always present.</summary>
internal sealed record ConfluenceIndicatorsWire
{
    [JsonPropertyName("M5")] public required TimeframeIndicatorsWire M5 { get; init; }
    [JsonPropertyName("M15")] public required TimeframeIndicatorsWire M15 { get; init; }
    [JsonPropertyName("M30")] public required TimeframeIndicatorsWire M30 { get; init; }
    [JsonPropertyName("H1")] public required TimeframeIndicatorsWire H1 { get; init; }
    [JsonPropertyName("H2")] public required TimeframeIndicatorsWire H2 { get; init; }
    [JsonPropertyName("H4")] public required TimeframeIndicatorsWire H4 { get; init; }
    [JsonPropertyName("H8")] public required TimeframeIndicatorsWire H8 { get; init; }
    [JsonPropertyName("H12")] public required TimeframeIndicatorsWire H12 { get; init; }
    [JsonPropertyName("D1")] public required TimeframeIndicatorsWire D1 { get; init; }
}

/// <summary>The 13 indicators of one bar (IndicatorCatalogue.PerTimeframe); each null when the timeframe has no bar or the part is not held.</summary>
internal sealed record TimeframeIndicatorsWire
{
    [JsonPropertyName("fractal_peaks")] public required IReadOnlyList<PointWire>? FractalPeaks { get; init; }
    [JsonPropertyName("fractal_bottoms")] public required IReadOnlyList<PointWire>? FractalBottoms { get; init; }
    [JsonPropertyName("horizontal_peak_lines")] public required IReadOnlyList<TrendlineWire>? HorizontalPeakLines { get; init; }
    [JsonPropertyName("horizontal_bottom_lines")] public required IReadOnlyList<TrendlineWire>? HorizontalBottomLines { get; init; }
    [JsonPropertyName("diagonal_ascending")] public required IReadOnlyList<TrendlineWire>? DiagonalAscending { get; init; }
    [JsonPropertyName("diagonal_descending")] public required IReadOnlyList<TrendlineWire>? DiagonalDescending { get; init; }
    [JsonPropertyName("momentum_candles")] public required IReadOnlyList<MomentumCandleWire>? MomentumCandles { get; init; }
    [JsonPropertyName("keltner_upper")] public required IReadOnlyList<double>? KeltnerUpper { get; init; }
    [JsonPropertyName("keltner_lower")] public required IReadOnlyList<double>? KeltnerLower { get; init; }
    [JsonPropertyName("tema")] public required double? Tema { get; init; }
    [JsonPropertyName("hrma")] public required double? Hrma { get; init; }
    [JsonPropertyName("smma")] public required double? Smma { get; init; }
    [JsonPropertyName("zigzag")] public required PointsWire? Zigzag { get; init; }
}
