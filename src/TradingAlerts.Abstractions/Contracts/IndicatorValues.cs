using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Validation;

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
    /// <summary>Set on this object by <see cref="IndicatorCheck"/>, once it passed the check in this process.</summary>
    [NonSerialized]
    private CheckMark _checkMark;

    /// <summary>A bar with no indicator values.</summary>
    public static IndicatorValues None { get; } = new(null, null, null, null, null, null, null, null, null);

    /// <summary>
    /// Whether this object passed <see cref="IndicatorCheck"/> in this process and was marked so. The mark is no part of
    /// the value: it is not serialized (values from another process arrive unmarked and are checked again),
    /// a copy made with <c>with</c> does not carry it (the copy may differ), and equality ignores it.
    /// </summary>
    internal bool IsChecked => _checkMark.Marks(this);

    internal void MarkChecked() => _checkMark = new CheckMark(this);

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

    /// <summary>
    /// Names the object it was set on, so a <c>with</c> copy (which copies every field) holds a mark of another object;
    /// equal to every other mark, so the record's equality and hash stay those of its values.
    /// </summary>
    private readonly struct CheckMark(IndicatorValues owner) : IEquatable<CheckMark>
    {
        public bool Marks(IndicatorValues values) => ReferenceEquals(owner, values);

        public bool Equals(CheckMark other) => true;

        public override bool Equals(object? obj) => obj is CheckMark;

        public override int GetHashCode() => 0;
    }
}

/// <summary>Where <see cref="IndicatorValues.From"/> reads each column's value: a database row, another value set.</summary>
public interface IIndicatorSource
{
    string? Json(JsonIndicatorColumn column);

    double? Number(NumberIndicatorColumn column);
}
