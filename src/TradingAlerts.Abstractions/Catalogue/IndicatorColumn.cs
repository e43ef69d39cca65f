using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Validation;

namespace TradingAlerts.Abstractions.Catalogue;

/// <summary>How an indicator column is stored: a JSON document or one number per bar.</summary>
public enum IndicatorKind
{
    Json,
    Number,
}

/// <summary>How the indicators response serves a column: the latest bar's value, or one entry per bar aligned with ohlc.</summary>
public enum IndicatorForm
{
    Latest,
    Series,
}

/// <summary>
/// One of the indicators the confluence response lists per timeframe: a whole column (<paramref name="Property"/> null)
/// or one property of a JSON column's object (<c>fractal_peaks</c> = <c>fractals.peaks</c>).
/// </summary>
public sealed record IndicatorPart(string Name, string? Property);

/// <summary>
/// One indicator column of a bar row: the one definition every store, reader, writer and response derives from
/// (docs/architecture.md#adding-an-indicator). Instances live only in <see cref="IndicatorCatalogue"/>.
/// </summary>
public abstract class IndicatorColumn
{
    private protected IndicatorColumn(string name, IndicatorKind kind, bool proOnly, IndicatorForm form, string emptyJson, IReadOnlyList<IndicatorPart>? parts)
    {
        Name = name;
        Kind = kind;
        ProOnly = proOnly;
        Form = form;
        EmptyJson = emptyJson;
        Parts = parts ?? [new IndicatorPart(name, null)];
    }

    /// <summary>Column and JSON property name, e.g. "keltner_channels": the SQL identifier in SQLite and PostgreSQL.</summary>
    public string Name { get; }

    /// <summary>JSON document or a per-bar number.</summary>
    public IndicatorKind Kind { get; }

    /// <summary>True when FREE callers receive it empty.</summary>
    public bool ProOnly { get; }

    /// <summary>How the indicators response serves it.</summary>
    public IndicatorForm Form { get; }

    /// <summary>What the indicators response holds for it when there is no value, or the caller's tier may not see it.</summary>
    public string EmptyJson { get; }

    /// <summary>How the confluence response lists it among a timeframe's indicators.</summary>
    public IReadOnlyList<IndicatorPart> Parts { get; }

    /// <summary>Position in <see cref="IndicatorCatalogue.Columns"/> (table order, after timestamp and OHLC).</summary>
    public int Index { get; internal set; }

    /// <summary>The value in <paramref name="values"/>, boxed (null when absent): for parameters that take any value.</summary>
    public abstract object? BoxedValue(IndicatorValues values);

    /// <summary>The result of <paramref name="json"/> or <paramref name="number"/>, whichever kind this column is.</summary>
    public abstract T Match<T>(Func<JsonIndicatorColumn, T> json, Func<NumberIndicatorColumn, T> number);

    public override string ToString() => Name;
}

/// <summary>A JSON column: text in the shape <see cref="Check"/> accepts.</summary>
public sealed class JsonIndicatorColumn : IndicatorColumn
{
    private readonly Func<IndicatorValues, string?> _value;

    internal JsonIndicatorColumn(string name, bool proOnly, IndicatorForm form, string emptyJson, IndicatorShape shape,
        Func<IndicatorValues, string?> value, IReadOnlyList<IndicatorPart>? parts = null)
        : base(name, IndicatorKind.Json, proOnly, form, emptyJson, parts)
    {
        Shape = shape;
        _value = value;
    }

    /// <summary>The field-by-field check of the column's JSON shape.</summary>
    internal IndicatorShape Shape { get; }

    public string? Value(IndicatorValues values) => _value(values);

    /// <summary>Why <paramref name="json"/> is not a valid value of this column, or null when it is (null text is valid: no value).</summary>
    public string? Check(string? json) => IndicatorShapes.Check(this, json);

    public override object? BoxedValue(IndicatorValues values) => _value(values);

    public override T Match<T>(Func<JsonIndicatorColumn, T> json, Func<NumberIndicatorColumn, T> number) => json(this);
}

/// <summary>A number column: one double per bar, null while the indicator has no value; served as a series.</summary>
public sealed class NumberIndicatorColumn : IndicatorColumn
{
    private readonly Func<IndicatorValues, double?> _value;
    private readonly Func<BarSeriesSnapshot, double?[]> _series;

    internal NumberIndicatorColumn(string name, bool proOnly, Func<IndicatorValues, double?> value, Func<BarSeriesSnapshot, double?[]> series)
        : base(name, IndicatorKind.Number, proOnly, IndicatorForm.Series, "[]", null)
    {
        _value = value;
        _series = series;
    }

    public double? Value(IndicatorValues values) => _value(values);

    /// <summary>The column's values of the snapshot's bars, index-aligned with its times.</summary>
    public double?[] Series(BarSeriesSnapshot snapshot) => _series(snapshot);

    /// <summary>Why <paramref name="value"/> is unusable (not finite, or MT5's EMPTY_VALUE), or null when it is usable or absent.</summary>
    public string? Check(double? value) =>
        value is { } v && (!double.IsFinite(v) || Math.Abs(v) == double.MaxValue)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Name} is not a finite number ({v})")
            : null;

    public override object? BoxedValue(IndicatorValues values) => _value(values);

    public override T Match<T>(Func<JsonIndicatorColumn, T> json, Func<NumberIndicatorColumn, T> number) => number(this);
}
