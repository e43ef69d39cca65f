using TradingAlerts.Abstractions.Validation;

namespace TradingAlerts.Abstractions.Catalogue;

/// <summary>
/// The indicator columns of a bar, defined once: name (the SQL identifier), kind, tier, JSON shape, the empty value
/// served, how the confluence response splits it, and where it sits in <see cref="Contracts.IndicatorValues"/>. The
/// SQLite and PostgreSQL DDL, the collector reader and writer, the PostgreSQL store, the API's JSON writers, the live
/// stream and the dashboard's tier flags (<c>GET /api/indicators/catalogue</c>) all derive from this list.
/// </summary>
public static class IndicatorCatalogue
{
    private const string EmptyPoints = """{"peaks":[],"bottoms":[]}""";
    private const string EmptyObject = "{}";

    public static JsonIndicatorColumn Fractals { get; } = new("fractals", proOnly: false, IndicatorForm.Latest, EmptyPoints,
        IndicatorShapes.Points, v => v.Fractals, [new("fractal_peaks", "peaks"), new("fractal_bottoms", "bottoms")]);

    public static JsonIndicatorColumn HorizontalTrendlines { get; } = new("horizontal_trendlines", proOnly: false, IndicatorForm.Latest, EmptyObject,
        IndicatorShapes.Lines("peak_lines", "bottom_lines"), v => v.HorizontalTrendlines,
        [new("horizontal_peak_lines", "peak_lines"), new("horizontal_bottom_lines", "bottom_lines")]);

    public static JsonIndicatorColumn DiagonalTrendlines { get; } = new("diagonal_trendlines", proOnly: false, IndicatorForm.Latest, EmptyObject,
        IndicatorShapes.Lines("ascending", "descending"), v => v.DiagonalTrendlines,
        [new("diagonal_ascending", "ascending"), new("diagonal_descending", "descending")]);

    /// <summary>Served as a series: the momentum candles of the bars sent, each keyed by its bar's time.</summary>
    public static JsonIndicatorColumn MomentumCandles { get; } = new("momentum_candles", proOnly: true, IndicatorForm.Series, "[]",
        IndicatorShapes.Momentum, v => v.MomentumCandles);

    public static JsonIndicatorColumn KeltnerChannels { get; } = new("keltner_channels", proOnly: true, IndicatorForm.Latest, EmptyObject,
        IndicatorShapes.Keltner, v => v.KeltnerChannels, [new("keltner_upper", "upper"), new("keltner_lower", "lower")]);

    public static NumberIndicatorColumn Tema { get; } = new("tema", proOnly: true, v => v.Tema, s => s.Tema);

    public static NumberIndicatorColumn Hrma { get; } = new("hrma", proOnly: true, v => v.Hrma, s => s.Hrma);

    public static NumberIndicatorColumn Smma { get; } = new("smma", proOnly: true, v => v.Smma, s => s.Smma);

    public static JsonIndicatorColumn ZigZag { get; } = new("zigzag", proOnly: true, IndicatorForm.Latest, EmptyPoints,
        IndicatorShapes.Points, v => v.ZigZag);

    /// <summary>The nine indicator columns, in table order (after timestamp and OHLC).</summary>
    public static IReadOnlyList<IndicatorColumn> Columns { get; } =
        Numbered(Fractals, HorizontalTrendlines, DiagonalTrendlines, MomentumCandles, KeltnerChannels, Tema, Hrma, Smma, ZigZag);

    /// <summary>
    /// The 13 indicators of one timeframe (docs/architecture.md#indicator-json), the columns' parts in column order;
    /// 13 × 9 timeframes are the "117 indicators".
    /// </summary>
    public static IReadOnlyList<string> PerTimeframe { get; } = [.. Columns.SelectMany(c => c.Parts).Select(p => p.Name)];

    /// <summary>The column named <paramref name="name"/> (ordinal), or null.</summary>
    public static IndicatorColumn? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    private static IndicatorColumn[] Numbered(params IndicatorColumn[] columns)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i].Index = i;
        }

        return columns;
    }
}
