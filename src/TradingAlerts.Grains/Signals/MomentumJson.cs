using System.Text.Json;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Grains.Signals;

/// <summary>Reads a bar's momentum_candles JSON (<c>[]</c> or one candle) into the compact form.</summary>
public static class MomentumJson
{
    public static MomentumCandleInfo? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json) || json == "[]")
        {
            return null;
        }

        using var doc = JsonDocument.Parse(json);
        foreach (var candle in doc.RootElement.EnumerateArray())
        {
            if (candle.TryGetProperty("time", out var time) && candle.TryGetProperty("direction", out var direction))
            {
                var ratio = candle.TryGetProperty("body_ratio", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetDouble() : 0;
                return new MomentumCandleInfo(time.GetInt64(), direction.GetString() == "bullish", ratio);
            }
        }

        return null;
    }
}
