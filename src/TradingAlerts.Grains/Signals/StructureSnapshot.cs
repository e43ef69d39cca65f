using System.Text.Json;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Grains.Signals;

/// <summary>
/// The parts of a bar's structure JSON that the signals read, parsed once when the latest bar changes:
/// the last two zigzag peaks and bottoms, the last fractal peak and bottom, the most recent horizontal
/// peak and bottom line, and the Keltner middle. Parsing never throws: a value that cannot be read
/// (not JSON, a missing or mistyped field) counts as missing, so its signal does not vote.
/// </summary>
public sealed record StructureSnapshot(
    double[] ZigZagPeaks,
    double[] ZigZagBottoms,
    double? LastFractalPeak,
    double? LastFractalBottom,
    double? PeakLine,
    double? BottomLine,
    double? KeltnerMiddle)
{
    public static StructureSnapshot Parse(IndicatorValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (zigPeaks, zigBottoms) = Points(values.ZigZag);
        var (fractalPeaks, fractalBottoms) = Points(values.Fractals);
        return new StructureSnapshot(
            [.. zigPeaks.TakeLast(2)],
            [.. zigBottoms.TakeLast(2)],
            fractalPeaks.Count > 0 ? fractalPeaks[^1] : null,
            fractalBottoms.Count > 0 ? fractalBottoms[^1] : null,
            LastLine(values.HorizontalTrendlines, "peak_lines"),
            LastLine(values.HorizontalTrendlines, "bottom_lines"),
            Read(values.KeltnerChannels, root => Number(root, "middle")));
    }

    private static (List<double> Peaks, List<double> Bottoms) Points(string? json) =>
        Read(json, root => (Prices(root, "peaks"), Prices(root, "bottoms"))) is { } points && points.Item1 is not null && points.Item2 is not null
            ? (points.Item1, points.Item2)
            : ([], []);

    // Points are listed oldest first (by time); sort anyway so hand-written JSON cannot mislead.
    private static List<double>? Prices(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var points = new List<(long Time, double Price)>();
        foreach (var p in array.EnumerateArray())
        {
            if (Integer(p, "time") is not { } time || Number(p, "price") is not { } price)
            {
                return null; // one unreadable point makes the whole side unreliable
            }

            points.Add((time, price));
        }

        return [.. points.OrderBy(p => p.Time).Select(p => p.Price)];
    }

    private static double? LastLine(string? json, string name) => Read(json, root =>
    {
        if (!root.TryGetProperty(name, out var lines) || lines.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        (long Start, double End)? latest = null;
        foreach (var line in lines.EnumerateArray())
        {
            if (Integer(line, "start_time") is not { } start || Number(line, "end_price") is not { } end)
            {
                return null;
            }

            latest = latest is null || start >= latest.Value.Start ? (start, end) : latest;
        }

        return latest?.End;
    });

    /// <summary>Runs <paramref name="read"/> on the parsed object, or yields default when the text is not a JSON object.</summary>
    private static T? Read<T>(string? json, Func<JsonElement, T?> read)
    {
        if (json is null)
        {
            return default;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? read(doc.RootElement) : default;
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static long? Integer(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;

    private static double? Number(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d) ? d : null;
}
