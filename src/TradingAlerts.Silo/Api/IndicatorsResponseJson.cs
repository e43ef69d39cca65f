using System.Buffers;
using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Silo.Api;

/// <summary>
/// Writes the indicators response (the original API's contract, README.md) straight from a grain snapshot:
/// series oldest-first and index-aligned with ohlc, structures of the latest bar embedded as the JSON
/// the collector wrote, PRO-only indicators empty for FREE callers.
/// </summary>
internal static class IndicatorsResponseJson
{
    private const string EmptyPoints = """{"peaks":[],"bottoms":[]}""";
    private const string EmptyObject = "{}";

    public static byte[] Write(BarSeriesSnapshot bars, Pair pair, Tier tier)
    {
        var pro = tier == Tier.Pro;
        var latest = bars.LatestIndicators;
        var buffer = new ArrayBufferWriter<byte>(64 + (bars.Count * 160));
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteBoolean("success", true);
            w.WriteStartObject("data");
            w.WriteStartArray("ohlc");
            for (var i = 0; i < bars.Count; i++)
            {
                w.WriteStartObject();
                w.WriteNumber("time", bars.Time[i]);
                w.WriteNumber("open", bars.Open[i]);
                w.WriteNumber("high", bars.High[i]);
                w.WriteNumber("low", bars.Low[i]);
                w.WriteNumber("close", bars.Close[i]);
                w.WriteNumber("volume", 0);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Raw(w, "fractals", latest?.Fractals ?? EmptyPoints);
            Raw(w, "horizontal_trendlines", latest?.HorizontalTrendlines ?? EmptyObject);
            Raw(w, "diagonal_trendlines", latest?.DiagonalTrendlines ?? EmptyObject);
            w.WriteStartArray("momentum_candles");
            if (pro)
            {
                foreach (var candle in bars.MomentumCandles)
                {
                    w.WriteStartObject();
                    w.WriteNumber("time", candle.Time);
                    w.WriteString("direction", candle.Bullish ? "bullish" : "bearish");
                    w.WriteNumber("body_ratio", candle.BodyRatio);
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
            Raw(w, "keltner_channels", pro ? latest?.KeltnerChannels ?? EmptyObject : EmptyObject);
            Series(w, "tema", pro ? bars.Tema : []);
            Series(w, "hrma", pro ? bars.Hrma : []);
            Series(w, "smma", pro ? bars.Smma : []);
            Raw(w, "zigzag", pro ? latest?.ZigZag ?? EmptyPoints : EmptyPoints);
            w.WriteStartObject("metadata");
            w.WriteString("symbol", pair.Symbol);
            w.WriteString("timeframe", pair.Timeframe.Name());
            w.WriteString("tier", CallerTier.Name(tier));
            w.WriteNumber("bars_returned", bars.Count);
            w.WriteBoolean("pro_indicators_enabled", pro);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Raw(Utf8JsonWriter w, string name, string json)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(json, skipInputValidation: true); // validated by the collector reader on ingest
    }

    private static void Series(Utf8JsonWriter w, string name, double?[] values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            if (value is { } v)
            {
                w.WriteNumberValue(v);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        w.WriteEndArray();
    }
}
