using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Abstractions.Contracts;

/// <summary>
/// The indicator columns of one bar, one property per <see cref="IndicatorCatalogue"/> column in its order. JSON columns
/// hold validated JSON text in the shapes of docs/architecture.md#indicator-json (times in unix seconds, never bar
/// indexes); numbers are null where the indicator has no value yet. Read a value through its column
/// (<see cref="JsonIndicatorColumn.Value"/>, <see cref="NumberIndicatorColumn.Value"/>) and build one with <see cref="From"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradingAlerts.IndicatorValues")]
public sealed record IndicatorValues(
    [property: Id(0)] string? Fractals,
    [property: Id(1)] string? HorizontalTrendlines,
    [property: Id(2)] string? DiagonalTrendlines,
    [property: Id(3)] string? MomentumCandles,
    [property: Id(4)] string? KeltnerChannels,
    [property: Id(5)] double? Tema,
    [property: Id(6)] double? Hrma,
    [property: Id(7)] double? Smma,
    [property: Id(8)] string? ZigZag)
{
    /// <summary>A bar with no indicator values.</summary>
    public static IndicatorValues None { get; } = new(null, null, null, null, null, null, null, null, null);

    /// <summary>
    /// The values <paramref name="source"/> gives for each catalogue column, asked in catalogue order (so a source
    /// that throws on a bad value names the first bad column, as a reader going left to right would).
    /// </summary>
    public static IndicatorValues From<TSource>(TSource source)
        where TSource : IIndicatorSource, allows ref struct
    {
        return new(
            source.Json(IndicatorCatalogue.Fractals),
            source.Json(IndicatorCatalogue.HorizontalTrendlines),
            source.Json(IndicatorCatalogue.DiagonalTrendlines),
            source.Json(IndicatorCatalogue.MomentumCandles),
            source.Json(IndicatorCatalogue.KeltnerChannels),
            source.Number(IndicatorCatalogue.Tema),
            source.Number(IndicatorCatalogue.Hrma),
            source.Number(IndicatorCatalogue.Smma),
            source.Json(IndicatorCatalogue.ZigZag));
    }
}

/// <summary>Where <see cref="IndicatorValues.From"/> reads each column's value: a database row, another value set.</summary>
public interface IIndicatorSource
{
    string? Json(JsonIndicatorColumn column);

    double? Number(NumberIndicatorColumn column);
}
