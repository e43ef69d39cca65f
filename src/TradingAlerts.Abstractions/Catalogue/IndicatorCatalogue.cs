namespace TradingAlerts.Abstractions.Catalogue;

/// <summary>The indicator columns of a bar and the 13 indicators the confluence endpoint lists per timeframe.</summary>
public static class IndicatorCatalogue
{
    /// <summary>The nine indicator columns, in table order (after timestamp and OHLC).</summary>
    public static IReadOnlyList<IndicatorColumn> Columns { get; } =
    [
        new("fractals", IndicatorKind.Json, ProOnly: false),
        new("horizontal_trendlines", IndicatorKind.Json, ProOnly: false),
        new("diagonal_trendlines", IndicatorKind.Json, ProOnly: false),
        new("momentum_candles", IndicatorKind.Json, ProOnly: true),
        new("keltner_channels", IndicatorKind.Json, ProOnly: true),
        new("tema", IndicatorKind.Number, ProOnly: true),
        new("hrma", IndicatorKind.Number, ProOnly: true),
        new("smma", IndicatorKind.Number, ProOnly: true),
        new("zigzag", IndicatorKind.Json, ProOnly: true),
    ];

    /// <summary>
    /// The 13 indicators of one timeframe (docs/architecture.md#indicator-json); 13 × 9 timeframes are the "117 indicators".
    /// </summary>
    public static IReadOnlyList<string> PerTimeframe { get; } =
    [
        "fractal_peaks", "fractal_bottoms", "horizontal_peak_lines", "horizontal_bottom_lines",
        "diagonal_ascending", "diagonal_descending", "momentum_candles", "keltner_upper",
        "keltner_lower", "tema", "hrma", "smma", "zigzag",
    ];
}
