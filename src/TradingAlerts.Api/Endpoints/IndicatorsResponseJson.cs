using System.Buffers;
using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Api.Caching;

namespace TradingAlerts.Api.Endpoints;

/// <summary>
/// Writes the indicators response (the original API's contract, docs/api.md) straight from a grain snapshot:
/// series oldest-first and index-aligned with ohlc, structures of the latest bar embedded as the JSON
/// the collector wrote, PRO-only indicators empty for FREE callers; the indicators are the catalogue's columns in its
/// order, each in its form (<see cref="IndicatorColumn.Form"/>).
/// </summary>
internal static class IndicatorsResponseJson
{
    public static byte[] Write(BarSeriesSnapshot bars, Pair pair, Tier tier) => Write(ResponseBars.Of(bars), pair, tier);

    public static byte[] Write(ResponseBars bars, Pair pair, Tier tier) => Write(bars, pair, tier, index: null);

    /// <summary>
    /// A history-by-range body: the same body with <c>metadata.no_data</c> (no bar in the range) and, when there is none,
    /// <c>metadata.next_time</c> (the newest bar before the range, null when there is none).
    /// </summary>
    public static byte[] WriteRange(ResponseBars bars, Pair pair, Tier tier, long? nextTime) =>
        Write(bars, pair, tier, index: null, range: (bars.Count == 0, nextTime));

    /// <summary>
    /// A live stream's bar event: the same body, led by what it is about (<c>pair</c>) and the change positions it spans
    /// (<c>after</c>, <c>position</c>); each bar carries its own <c>position</c>.
    /// </summary>
    public static byte[] WriteEvent(ResponseBars bars, Pair pair, Tier tier, long after, long position) =>
        Write(bars, pair, tier, index: null, head: (after, position));

    /// <summary>
    /// The body of <paramref name="snapshot"/> with where each array's elements start, so that the body of any smaller
    /// limit is a slice of it (<see cref="CachedIndicators"/>); <paramref name="asked"/> is the limit the snapshot was taken at.
    /// </summary>
    public static CachedIndicators WriteSliceable(BarSeriesSnapshot snapshot, Pair pair, Tier tier, int asked)
    {
        var index = new CachedIndicators.Index(snapshot.Count);
        var body = Write(ResponseBars.Of(snapshot), pair, tier, index);
        return index.Build(body, snapshot.Version, snapshot.Count, complete: snapshot.Count < asked, snapshot.Time, snapshot.MomentumCandles);
    }

    private static byte[] Write(ResponseBars bars, Pair pair, Tier tier, CachedIndicators.Index? index, (long After, long Position)? head = null,
        (bool NoData, long? NextTime)? range = null)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + (bars.Count * 160));
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteBoolean("success", true);
            if (head is var (after, position))
            {
                w.WriteString("pair", pair.Key);
                w.WriteNumber("after", after);
                w.WriteNumber("position", position);
            }

            w.WriteStartObject("data");
            w.WriteStartArray("ohlc");
            index?.Open(w);
            for (var i = 0; i < bars.Count; i++)
            {
                index?.Element(w, i);
                w.WriteStartObject();
                w.WriteNumber("time", bars.Time[i]);
                w.WriteNumber("open", bars.Open[i]);
                w.WriteNumber("high", bars.High[i]);
                w.WriteNumber("low", bars.Low[i]);
                w.WriteNumber("close", bars.Close[i]);
                w.WriteNumber("volume", bars.TickVolume[i]); // MT5's tick_volume
                w.WriteNumber("spread", bars.Spread[i]);
                w.WriteNumber("real_volume", bars.RealVolume[i]);
                w.WriteBoolean("closed", bars.Closed[i]);
                if (bars.Positions is { } positions)
                {
                    w.WriteNumber("position", positions[i]);
                }

                w.WriteEndObject();
            }

            index?.Close(w, aligned: true);
            w.WriteEndArray();
            foreach (var column in IndicatorCatalogue.Columns)
            {
                Indicator(w, column, bars, TierAccess.CanSeeIndicator(tier, column), index);
            }

            w.WriteStartObject("metadata");
            w.WriteString("symbol", pair.Symbol);
            w.WriteString("timeframe", pair.Timeframe.Name());
            w.WriteString("tier", CallerTier.Name(tier));
            w.WriteNumber("bars_returned", bars.Count);
            index?.Count(w, bars.Count);
            w.WriteBoolean("pro_indicators_enabled", tier == Tier.Pro);
            if (range is var (noData, nextTime))
            {
                w.WriteBoolean("no_data", noData);
                if (noData)
                {
                    w.WritePropertyName("next_time");
                    if (nextTime is { } next)
                    {
                        w.WriteNumberValue(next);
                    }
                    else
                    {
                        w.WriteNullValue();
                    }
                }
            }
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>One catalogue column as its form serves it; the column's empty value where the caller may not see it.</summary>
    private static void Indicator(Utf8JsonWriter w, IndicatorColumn column, ResponseBars bars, bool visible, CachedIndicators.Index? index)
    {
        switch (column)
        {
            case NumberIndicatorColumn number:
                Series(w, number.Name, visible ? bars.Numbers(number) : [], index);
                break;
            case JsonIndicatorColumn { Form: IndicatorForm.Latest } json:
                Raw(w, json.Name, visible && bars.Latest is { } latest ? json.Value(latest) ?? json.EmptyJson : json.EmptyJson);
                break;
            case JsonIndicatorColumn json when json == IndicatorCatalogue.MomentumCandles:
                Candles(w, json.Name, visible ? bars.MomentumCandles : [], index);
                break;
            default:
                throw new InvalidOperationException($"The grid holds no per-bar series of {column.Name}");
        }
    }

    private static void Candles(Utf8JsonWriter w, string name, MomentumCandleInfo[] candles, CachedIndicators.Index? index)
    {
        w.WriteStartArray(name);
        index?.Open(w);
        for (var i = 0; i < candles.Length; i++)
        {
            var candle = candles[i];
            index?.Element(w, i);
            w.WriteStartObject();
            w.WriteNumber("time", candle.Time);
            w.WriteString("direction", candle.Bullish ? "bullish" : "bearish");
            w.WriteNumber("body_ratio", candle.BodyRatio);
            w.WriteEndObject();
        }

        index?.Close(w, aligned: false);
        w.WriteEndArray();
    }

    private static void Raw(Utf8JsonWriter w, string name, string json)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(json, skipInputValidation: true); // validated by the collector reader on ingest
    }

    private static void Series(Utf8JsonWriter w, string name, double?[] values, CachedIndicators.Index? index)
    {
        w.WriteStartArray(name);
        index?.Open(w);
        for (var i = 0; i < values.Length; i++)
        {
            index?.Element(w, i);
            if (values[i] is { } v)
            {
                w.WriteNumberValue(v);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        index?.Close(w, aligned: true);
        w.WriteEndArray();
    }
}
