using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TradingAlerts.Abstractions.Validation;

/// <summary>
/// A JSON shape checked in one forward pass over UTF-8 (<see cref="Utf8JsonReader"/>, nothing built): the quick yes of
/// <see cref="IndicatorShapes"/>. It accepts only what the worded check (<c>JsonDocument</c>) accepts; anything it is
/// not sure of (a repeated field, text that is not valid UTF-16) is a no, and the worded check decides and says why.
/// </summary>
internal abstract class JsonShape
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A finite number that is not MT5's EMPTY_VALUE.</summary>
    public static JsonShape Price { get; } = new Token((ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Number
        // Without an exponent and under 300 characters a JSON number is below 1e300: no need to parse it to know that.
        && ((r.ValueSpan.Length < 300 && r.ValueSpan.IndexOfAny((byte)'e', (byte)'E') < 0)
            || (r.TryGetDouble(out var d) && double.IsFinite(d) && Math.Abs(d) != double.MaxValue)));

    /// <summary>A whole number of unix seconds in <see cref="UnixSeconds"/>' range.</summary>
    public static JsonShape Time { get; } = new Token((ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Number && r.TryGetInt64(out var s) && UnixSeconds.IsValid(s));

    /// <summary>A whole number ≥ 0 that fits an int.</summary>
    public static JsonShape Count { get; } = new Token((ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Number && r.TryGetInt32(out var n) && n >= 0);

    /// <summary><c>"bullish"</c> or <c>"bearish"</c>.</summary>
    public static JsonShape Direction { get; } = new Token((ref Utf8JsonReader r) => r.TokenType == JsonTokenType.String
        && (r.ValueTextEquals("bullish"u8) || r.ValueTextEquals("bearish"u8)));

    /// <summary>An object with (at least) these fields, each in its shape; other fields are allowed.</summary>
    public static JsonShape Object(params (string Name, JsonShape Shape)[] fields) => new ObjectShape(fields);

    /// <summary>An array of items in <paramref name="item"/>'s shape, of exactly <paramref name="length"/> items when given.</summary>
    public static JsonShape Array(JsonShape item, int? length = null) => new ArrayShape(item, length);

    /// <summary>Whether <paramref name="json"/> is one JSON value of this shape (false: not sure, ask the worded check).</summary>
    public bool Accepts(string json)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(0, StrictUtf8.GetBytes(json, buffer)));
            return reader.Read() && Accepts(ref reader) && !reader.Read();
        }
        catch (Exception ex) when (ex is JsonException or EncoderFallbackException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Whether the value at the reader's current token has this shape; the reader ends on the value's last token.</summary>
    protected abstract bool Accepts(ref Utf8JsonReader reader);

    private delegate bool TokenTest(ref Utf8JsonReader reader);

    private sealed class Token(TokenTest test) : JsonShape
    {
        protected override bool Accepts(ref Utf8JsonReader reader) => test(ref reader);
    }

    private sealed class ObjectShape((string Name, JsonShape Shape)[] fields) : JsonShape
    {
        private readonly byte[][] _names = [.. fields.Select(f => Encoding.UTF8.GetBytes(f.Name))];

        protected override bool Accepts(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = Find(ref reader);
                reader.Read();
                if (field < 0)
                {
                    reader.Skip(); // a field a newer collector may add
                    continue;
                }

                if ((seen & (1 << field)) != 0 || !fields[field].Shape.Accepts(ref reader))
                {
                    return false; // a repeated field is left to the worded check, which knows which one counts
                }

                seen |= 1 << field;
            }

            return seen == (1 << fields.Length) - 1;
        }

        private int Find(ref Utf8JsonReader reader)
        {
            for (var i = 0; i < _names.Length; i++)
            {
                if (reader.ValueTextEquals(_names[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }

    private sealed class ArrayShape(JsonShape item, int? length) : JsonShape
    {
        protected override bool Accepts(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }

            var count = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (!item.Accepts(ref reader))
                {
                    return false;
                }

                count++;
            }

            return length is null || count == length;
        }
    }
}
