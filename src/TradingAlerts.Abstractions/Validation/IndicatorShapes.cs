using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Abstractions.Validation;

/// <summary>
/// The JSON shapes of the indicator columns, checked field by field: every documented field present
/// with its type, numbers finite (and not MT5's EMPTY_VALUE), times unix seconds. Extra fields are
/// allowed (a newer collector may add some); a missing or mistyped one is a reason.
/// <list type="bullet">
/// <item>fractals, zigzag: <c>{"peaks":[{"time":t,"price":p}…],"bottoms":[…]}</c></item>
/// <item>horizontal_trendlines: <c>{"peak_lines":[L…],"bottom_lines":[L…]}</c>; diagonal_trendlines:
/// <c>{"ascending":[L…],"descending":[L…]}</c>; L = <c>{"start_time","start_price","end_time","end_price","touches"}</c></item>
/// <item>keltner_channels: <c>{"upper":[5 numbers],"middle":m,"lower":[5 numbers]}</c></item>
/// <item>momentum_candles: <c>[]</c> or <c>[{"time":t,"direction":"bullish"|"bearish","body_ratio":r}]</c></item>
/// </list>
/// The catalogue (<see cref="IndicatorCatalogue"/>) names which shape each JSON column has.
/// </summary>
public static class IndicatorShapes
{
    public const int KeltnerBands = 5;

    /// <summary>Why <paramref name="json"/> is not a valid <paramref name="column"/> value, or null when it is (null text is valid: no value).</summary>
    public static string? Check(string column, string? json) =>
        IndicatorCatalogue.Find(column) is JsonIndicatorColumn found
            ? Check(found, json)
            : throw new ArgumentException($"Not a JSON indicator column: {column}", nameof(column));

    /// <summary>Why <paramref name="json"/> is not a valid value of <paramref name="column"/>, or null when it is.</summary>
    internal static string? Check(JsonIndicatorColumn column, string? json)
    {
        if (json is null)
        {
            return null;
        }

        if (column.Shape.Quick.Accepts(json))
        {
            return null; // nearly every value: one forward pass, nothing built
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            column.Shape.Worded(document.RootElement, column.Name);
            return null;
        }
        catch (JsonException ex)
        {
            return $"{column.Name} is not valid JSON: {ex.Message}";
        }
        catch (ShapeException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>fractals, zigzag: <c>{"peaks":[{"time":t,"price":p}…],"bottoms":[…]}</c>.</summary>
    internal static IndicatorShape Points { get; } = new(CheckPoints, JsonShape.Object(("peaks", PointList), ("bottoms", PointList)));

    /// <summary>Trendlines: two arrays of lines named <paramref name="first"/> and <paramref name="second"/>.</summary>
    internal static IndicatorShape Lines(string first, string second) =>
        new((root, path) => CheckLines(root, path, first, second), JsonShape.Object((first, LineList), (second, LineList)));

    /// <summary>keltner_channels: <c>{"upper":[5 numbers],"middle":m,"lower":[5 numbers]}</c>.</summary>
    internal static IndicatorShape Keltner { get; } = new(CheckKeltner,
        JsonShape.Object(("upper", JsonShape.Array(JsonShape.Price, KeltnerBands)), ("middle", JsonShape.Price), ("lower", JsonShape.Array(JsonShape.Price, KeltnerBands))));

    /// <summary>momentum_candles: <c>[]</c> or <c>[{"time":t,"direction":"bullish"|"bearish","body_ratio":r}]</c>.</summary>
    internal static IndicatorShape Momentum { get; } = new(CheckMomentum,
        JsonShape.Array(JsonShape.Object(("time", JsonShape.Time), ("direction", JsonShape.Direction), ("body_ratio", JsonShape.Price))));

    private static JsonShape PointList => JsonShape.Array(JsonShape.Object(("time", JsonShape.Time), ("price", JsonShape.Price)));

    private static JsonShape LineList => JsonShape.Array(JsonShape.Object(("start_time", JsonShape.Time), ("start_price", JsonShape.Price),
        ("end_time", JsonShape.Time), ("end_price", JsonShape.Price), ("touches", JsonShape.Count)));

    // Paths in messages are built only when a check fails: valid rows (nearly all) allocate nothing for them.
    private static void CheckPoints(JsonElement root, string path)
    {
        Object(root, path);
        foreach (var side in (string[])["peaks", "bottoms"])
        {
            var i = 0;
            foreach (var point in Array(Field(root, path, side), path, side).EnumerateArray())
            {
                var at = new Location(path, side, i++);
                Object(point, at, "{time, price}");
                Time(Field(point, at, "time"), at, "time");
                Price(Field(point, at, "price"), at, "price");
            }
        }
    }

    private static void CheckLines(JsonElement root, string path, string first, string second)
    {
        Object(root, path);
        foreach (var side in (string[])[first, second])
        {
            var i = 0;
            foreach (var line in Array(Field(root, path, side), path, side).EnumerateArray())
            {
                var at = new Location(path, side, i++);
                Object(line, at, "{start_time, start_price, end_time, end_price, touches}");
                Time(Field(line, at, "start_time"), at, "start_time");
                Price(Field(line, at, "start_price"), at, "start_price");
                Time(Field(line, at, "end_time"), at, "end_time");
                Price(Field(line, at, "end_price"), at, "end_price");
                var touches = Field(line, at, "touches");
                if (touches.ValueKind != JsonValueKind.Number || !touches.TryGetInt32(out var n) || n < 0)
                {
                    throw new ShapeException($"{at}.touches must be a whole number ≥ 0, got {Show(touches)}");
                }
            }
        }
    }

    private static void CheckKeltner(JsonElement root, string path)
    {
        Object(root, path);
        Bands(Field(root, path, "upper"), path, "upper");
        Price(Field(root, path, "middle"), new Location(path, null, -1), "middle");
        Bands(Field(root, path, "lower"), path, "lower");
    }

    private static void Bands(JsonElement bands, string path, string side)
    {
        if (Array(bands, path, side).GetArrayLength() != KeltnerBands)
        {
            throw new ShapeException($"{path}.{side} must hold {KeltnerBands} bands, got {bands.GetArrayLength()}");
        }

        var i = 0;
        foreach (var band in bands.EnumerateArray())
        {
            Price(band, new Location(path, side, i++), null);
        }
    }

    private static void CheckMomentum(JsonElement root, string path)
    {
        var i = 0;
        foreach (var candle in Array(root, path, null).EnumerateArray())
        {
            var at = new Location(path, null, i++);
            Object(candle, at, "{time, direction, body_ratio}");
            Time(Field(candle, at, "time"), at, "time");
            var direction = Field(candle, at, "direction");
            if (direction.ValueKind != JsonValueKind.String || !(direction.ValueEquals("bullish") || direction.ValueEquals("bearish")))
            {
                throw new ShapeException($"{at}.direction must be \"bullish\" or \"bearish\", got {Show(direction)}");
            }

            Price(Field(candle, at, "body_ratio"), at, "body_ratio");
        }
    }

    private static void Object(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ShapeException($"{path} must be a JSON object, got {Show(value)}");
        }
    }

    private static void Object(JsonElement value, Location at, string shape)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ShapeException($"{at} must be a JSON object {shape}, got {Show(value)}");
        }
    }

    private static JsonElement Array(JsonElement value, string path, string? side) =>
        value.ValueKind == JsonValueKind.Array
            ? value
            : throw new ShapeException($"{(side is null ? path : $"{path}.{side}")} must be a JSON array, got {Show(value)}");

    private static JsonElement Field(JsonElement parent, string path, string name) =>
        parent.TryGetProperty(name, out var value) ? value : throw new ShapeException($"{path} has no \"{name}\"");

    private static JsonElement Field(JsonElement parent, Location at, string name) =>
        parent.TryGetProperty(name, out var value) ? value : throw new ShapeException($"{at} has no \"{name}\"");

    private static void Time(JsonElement value, Location at, string name)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var seconds))
        {
            throw new ShapeException($"{at}.{name} must be a whole number of unix seconds, got {Show(value)}");
        }

        if (!UnixSeconds.IsValid(seconds))
        {
            throw new ShapeException(UnixSeconds.Check(seconds, $"{at}.{name}")!);
        }
    }

    private static void Price(JsonElement value, Location at, string? name)
    {
        // double.Parse reads an overlong literal (1e999) as infinity; EMPTY_VALUE (DBL_MAX) is MT5's "no value", not a price.
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number)
            || Math.Abs(number) == double.MaxValue)
        {
            throw new ShapeException($"{(name is null ? at.ToString() : $"{at}.{name}")} must be a finite number, got {Show(value)}");
        }
    }

    private static string Show(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length > 40 ? string.Concat(text.AsSpan(0, 40), "…") : text;
    }

    /// <summary>Where in a column's JSON a value is: <c>fractals.peaks[0]</c>, <c>momentum_candles[2]</c>, <c>keltner_channels</c> (index −1).</summary>
    private readonly record struct Location(string Path, string? Side, int Index)
    {
        public override string ToString() =>
            (Side is null ? Path : $"{Path}.{Side}") + (Index >= 0 ? $"[{Index}]" : "");
    }

    private sealed class ShapeException(string message) : Exception(message);
}

/// <summary>
/// A JSON column's shape, twice: <paramref name="Quick"/>, one forward pass that says yes for valid values, and
/// <paramref name="Worded"/>, which walks the parsed document and throws with a message naming where it fails (asked
/// only when the quick pass says no). <c>IndicatorShapesTests</c> holds the two to the same answers.
/// </summary>
internal sealed record IndicatorShape(Action<JsonElement, string> Worded, JsonShape Quick);
