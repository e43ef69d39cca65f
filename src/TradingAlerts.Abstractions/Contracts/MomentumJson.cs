using System.Text.Json;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Abstractions.Contracts;

/// <summary>Reads a bar's momentum_candles JSON (<c>[]</c> or one candle) into the compact form.</summary>
public static class MomentumJson
{
    /// <summary>The first candle, or null when there is none or the value cannot be read (it never throws: bad input counts as missing).</summary>
    public static MomentumCandleInfo? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json) || json == "[]")
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var candle in doc.RootElement.EnumerateArray())
            {
                if (candle.ValueKind == JsonValueKind.Object
                    && candle.TryGetProperty("time", out var time) && time.ValueKind == JsonValueKind.Number && time.TryGetInt64(out var t)
                    && candle.TryGetProperty("direction", out var direction) && direction.ValueKind == JsonValueKind.String)
                {
                    var ratio = candle.TryGetProperty("body_ratio", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetDouble(out var d) && double.IsFinite(d) ? d : 0;
                    return new MomentumCandleInfo(t, direction.GetString() == "bullish", ratio);
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
