using System.Text.Json;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Grains.Signals;

/// <summary>
/// The parts of a bar's structure JSON that the signals read, parsed once when the latest bar changes:
/// the last two zigzag peaks and bottoms, the last fractal peak and bottom, the most recent horizontal
/// peak and bottom line, and the Keltner middle.
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
            Number(values.KeltnerChannels, "middle"));
    }

    private static (List<double> Peaks, List<double> Bottoms) Points(string? json)
    {
        if (json is null)
        {
            return ([], []);
        }

        using var doc = JsonDocument.Parse(json);
        return (Prices(doc.RootElement, "peaks"), Prices(doc.RootElement, "bottoms"));
    }

    // Points are listed oldest first (by time); sort anyway so hand-written JSON cannot mislead.
    private static List<double> Prices(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray()
                .Where(p => p.TryGetProperty("time", out _) && p.TryGetProperty("price", out _))
                .OrderBy(p => p.GetProperty("time").GetInt64())
                .Select(p => p.GetProperty("price").GetDouble())]
            : [];

    private static double? LastLine(string? json, string name)
    {
        if (json is null)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty(name, out var lines) || lines.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var latest = lines.EnumerateArray()
            .Where(l => l.TryGetProperty("start_time", out _) && l.TryGetProperty("end_price", out _))
            .OrderBy(l => l.GetProperty("start_time").GetInt64())
            .LastOrDefault();
        return latest.ValueKind == JsonValueKind.Object ? latest.GetProperty("end_price").GetDouble() : null;
    }

    private static double? Number(string? json, string name)
    {
        if (json is null)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
    }
}
