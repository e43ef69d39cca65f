using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TradingAlerts.Indicators;

/// <summary>Writes the indicator JSON of docs/architecture.md#indicator-json (times in unix seconds, never bar indexes).</summary>
public static class IndicatorJson
{
    /// <summary>fractals and zigzag: {"peaks":[{"time","price"}…],"bottoms":[…]}.</summary>
    public static string Points(IEnumerable<PricePoint> peaks, IEnumerable<PricePoint> bottoms) => Write(w =>
    {
        w.WriteStartObject();
        WritePoints(w, "peaks", peaks);
        WritePoints(w, "bottoms", bottoms);
        w.WriteEndObject();
    });

    /// <summary>horizontal_trendlines: {"peak_lines":[L…],"bottom_lines":[L…]}.</summary>
    public static string Horizontal(IEnumerable<TrendLine> peakLines, IEnumerable<TrendLine> bottomLines) =>
        Lines("peak_lines", peakLines, "bottom_lines", bottomLines);

    /// <summary>diagonal_trendlines: {"ascending":[L…],"descending":[L…]}.</summary>
    public static string Diagonal(IEnumerable<TrendLine> ascending, IEnumerable<TrendLine> descending) =>
        Lines("ascending", ascending, "descending", descending);

    /// <summary>momentum_candles: [] or [{"time","direction","body_ratio"}].</summary>
    public static string Momentum(MomentumCandle? candle) => Write(w =>
    {
        w.WriteStartArray();
        if (candle is { } c)
        {
            w.WriteStartObject();
            w.WriteNumber("time", c.Time);
            w.WriteString("direction", c.Bullish ? "bullish" : "bearish");
            w.WriteNumber("body_ratio", Math.Round(c.BodyRatio, 4));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    /// <summary>keltner_channels: {"upper":[5 inner→outer],"middle":m,"lower":[5 inner→outer]}.</summary>
    public static string Keltner(KeltnerChannel channel) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("upper");
        foreach (var band in channel.Upper)
        {
            w.WriteNumberValue(Price(band));
        }

        w.WriteEndArray();
        w.WriteNumber("middle", Price(channel.Middle));
        w.WriteStartArray("lower");
        foreach (var band in channel.Lower)
        {
            w.WriteNumberValue(Price(band));
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static string Lines(string firstName, IEnumerable<TrendLine> first, string secondName, IEnumerable<TrendLine> second) => Write(w =>
    {
        w.WriteStartObject();
        WriteLines(w, firstName, first);
        WriteLines(w, secondName, second);
        w.WriteEndObject();
    });

    private static void WritePoints(Utf8JsonWriter w, string name, IEnumerable<PricePoint> points)
    {
        w.WriteStartArray(name);
        foreach (var p in points)
        {
            w.WriteStartObject();
            w.WriteNumber("time", p.Time);
            w.WriteNumber("price", Price(p.Price));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteLines(Utf8JsonWriter w, string name, IEnumerable<TrendLine> lines)
    {
        w.WriteStartArray(name);
        foreach (var l in lines)
        {
            w.WriteStartObject();
            w.WriteNumber("start_time", l.StartTime);
            w.WriteNumber("start_price", Price(l.StartPrice));
            w.WriteNumber("end_time", l.EndTime);
            w.WriteNumber("end_price", Price(l.EndPrice));
            w.WriteNumber("touches", l.Touches);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>
    /// Indicator prices are derived values (averages, extrapolations): 10 significant digits is beyond any
    /// instrument's quote precision and keeps rows small.
    /// </summary>
    private static double Price(double value) => value == 0 || !double.IsFinite(value)
        ? value
        : Math.Round(value, Math.Clamp(9 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 15));

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
