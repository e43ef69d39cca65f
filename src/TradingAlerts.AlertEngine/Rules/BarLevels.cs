using System.Text.Json;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.AlertEngine.Rules;

/// <summary>The price levels of a bar's structure JSON (docs/architecture.md#indicator-json) that the rules compare closes with.</summary>
public static class BarLevels
{
    /// <summary>
    /// Prices of the horizontal lines ({"peak_lines":[L…],"bottom_lines":[L…]}, L with start/end price): a
    /// horizontal line's end price is its level (as the signals read it). Distinct, with the kind of the first line at each price.
    /// </summary>
    public static IReadOnlyList<(string Kind, double Price)> HorizontalLines(IndicatorValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (string.IsNullOrWhiteSpace(values.HorizontalTrendlines))
        {
            return [];
        }

        using var doc = JsonDocument.Parse(values.HorizontalTrendlines);
        return [.. Lines(doc.RootElement, "peak_lines", "peak").Concat(Lines(doc.RootElement, "bottom_lines", "bottom")).DistinctBy(l => l.Price)];
    }

    /// <summary>The upper and lower price of Keltner band <paramref name="band"/> (1 inner … 5 outer), or null when the bar has none.</summary>
    public static (double Upper, double Lower)? KeltnerBand(IndicatorValues values, int band)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (string.IsNullOrWhiteSpace(values.KeltnerChannels))
        {
            return null;
        }

        using var doc = JsonDocument.Parse(values.KeltnerChannels);
        return Band(doc.RootElement, "upper", band) is { } upper && Band(doc.RootElement, "lower", band) is { } lower ? (upper, lower) : null;
    }

    private static IEnumerable<(string Kind, double Price)> Lines(JsonElement root, string name, string kind)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(name, out var lines) || lines.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. lines.EnumerateArray()
            .Where(l => l.ValueKind == JsonValueKind.Object && l.TryGetProperty("end_price", out var p) && p.ValueKind == JsonValueKind.Number)
            .Select(l => (kind, l.GetProperty("end_price").GetDouble()))];
    }

    private static double? Band(JsonElement root, string name, int band) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var bands) && bands.ValueKind == JsonValueKind.Array
        && bands.GetArrayLength() >= band && bands[band - 1].ValueKind == JsonValueKind.Number
            ? bands[band - 1].GetDouble()
            : null;
}
