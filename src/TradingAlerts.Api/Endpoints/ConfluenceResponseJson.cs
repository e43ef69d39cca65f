using System.Buffers;
using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Api.Endpoints;

/// <summary>
/// Writes the confluence response (the API contract in docs/api.md): score, counts, a breakdown per timeframe and the 13
/// indicators of each timeframe's bar in force ("all_117_indicators").
/// </summary>
internal static class ConfluenceResponseJson
{
    /// <summary>The present, from the ConfluenceGrain's view (its signals and each timeframe's latest bar).</summary>
    public static byte[] Write(ConfluenceView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Write(view.Snapshot, Timeframes.All.ToDictionary(tf => tf, tf => view.Bars.GetValueOrDefault(tf)));
    }

    public static byte[] Write(ConfluenceSnapshot snapshot, IReadOnlyDictionary<Timeframe, BarRecord?> bars)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteBoolean("success", true);
            w.WriteString("symbol", snapshot.Symbol);
            if (snapshot.Signals.Count == 0)
            {
                w.WriteNull("timestamp"); // no timeframe has a bar yet: there is no time this score is "as of"
            }
            else
            {
                w.WriteString("timestamp", DateTimeOffset.FromUnixTimeSeconds(snapshot.Time).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            }

            w.WriteNumber("confluence_score", snapshot.Score);
            w.WriteNumber("max_score", 10);
            w.WriteStartObject("signals");
            w.WriteNumber("bullish", snapshot.Bullish);
            w.WriteNumber("bearish", snapshot.Bearish);
            w.WriteNumber("neutral", snapshot.Neutral);
            w.WriteEndObject();
            w.WriteStartObject("breakdown");
            foreach (var tf in Timeframes.All)
            {
                w.WriteStartObject(tf.Name());
                var signal = snapshot.Signals.GetValueOrDefault(tf);
                w.WriteString("trend", (signal?.Trend ?? Trend.Neutral).ToString().ToLowerInvariant());
                w.WriteNumber("strength", Math.Round(signal?.Strength ?? 0, 4));
                w.WriteStartObject("signals");
                foreach (var (name, vote) in signal?.Votes ?? new Dictionary<string, int>())
                {
                    w.WriteNumber(name, vote);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("all_117_indicators");
            foreach (var tf in Timeframes.All)
            {
                w.WriteStartObject(tf.Name());
                WriteIndicators(w, bars.GetValueOrDefault(tf)?.Indicators);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The 13 indicators of one bar: each catalogue column's parts (<see cref="IndicatorCatalogue.PerTimeframe"/>); null where not held.</summary>
    private static void WriteIndicators(Utf8JsonWriter w, IndicatorValues? v)
    {
        foreach (var column in IndicatorCatalogue.Columns)
        {
            foreach (var part in column.Parts)
            {
                switch (column)
                {
                    case NumberIndicatorColumn number:
                        Number(w, part.Name, v is null ? null : number.Value(v));
                        break;
                    case JsonIndicatorColumn json when part.Property is null:
                        Whole(w, part.Name, v is null ? null : json.Value(v));
                        break;
                    case JsonIndicatorColumn json:
                        Part(w, part.Name, v is null ? null : json.Value(v), part.Property);
                        break;
                }
            }
        }
    }

    private static void Part(Utf8JsonWriter w, string name, string? json, string property)
    {
        w.WritePropertyName(name);
        if (json is null)
        {
            w.WriteNullValue();
            return;
        }

        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.TryGetProperty(property, out var part))
        {
            part.WriteTo(w);
        }
        else
        {
            w.WriteNullValue();
        }
    }

    private static void Whole(Utf8JsonWriter w, string name, string? json)
    {
        w.WritePropertyName(name);
        if (json is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteRawValue(json, skipInputValidation: true);
        }
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
