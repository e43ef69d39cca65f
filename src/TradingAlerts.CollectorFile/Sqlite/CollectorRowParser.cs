using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Validation;

namespace TradingAlerts.CollectorFile.Sqlite;

/// <summary>
/// Turns one SQLite collector row into a <see cref="BarRecord"/>, or says why it cannot:
/// numbers must be finite (text that parses as a number is accepted, as SQLite's type affinity may keep
/// it), MT5's EMPTY_VALUE (DBL_MAX) in an indicator becomes null, OHLC must be consistent
/// (high ≥ max(open, close), low ≤ min(open, close)), JSON must parse and be an object (an array for
/// momentum_candles) in the documented shape (see <see cref="IndicatorShapes"/>), tick_volume, spread and real_volume
/// whole numbers of at least 0 (absent in a file written before them: 0), the timeframe must be a
/// catalogue one, the time a bar open time of it in unix seconds, and the bar must not open later than its
/// write time plus one bar (plus the broker's offset from UTC, see <see cref="CollectorValidation"/>). The
/// checks against the rest of the table (the M5 horizon, plausible prices) are <see cref="PlausibilityCheck"/>'s.
/// docs/collector-validation.md lists them all with their reasons.
/// </summary>
internal static class CollectorRowParser
{
    /// <summary>Column order of <see cref="SelectColumns"/>: the catalogue's indicator columns from <see cref="FirstIndicator"/>.</summary>
    private const int Timeframe = 0, Timestamp = 1, Open = 2, High = 3, Low = 4, Close = 5, FirstIndicator = 6;

    private static readonly int Seq = FirstIndicator + IndicatorCatalogue.Columns.Count, WrittenAt = Seq + 1, FirstVolume = WrittenAt + 1;

    private static readonly string Leading =
        "timeframe, timestamp, open, high, low, close, " +
        string.Join(", ", IndicatorCatalogue.Columns.Select(c => c.Name)) + ", seq, written_at";

    /// <summary>
    /// The columns read from a table that has <paramref name="present"/>: a file written before the volume columns
    /// (<see cref="CollectorSchemaScript.VolumeColumns"/>) reads them as 0.
    /// </summary>
    public static string SelectColumns(IReadOnlySet<string> present) =>
        Leading + string.Concat(CollectorSchemaScript.VolumeColumns.Select(c => present.Contains(c) ? ", " + c : $", 0 AS {c}"));

    /// <summary>MT5's EMPTY_VALUE: "no value" in an indicator buffer.</summary>
    public const double EmptyValue = double.MaxValue;

    public static long ReadSeq(SqliteDataReader reader) => reader.GetInt64(Seq);

    public static BarRecord Parse(SqliteDataReader reader, string symbol, long seq, CollectorValidation validation, PlausibilityCheck plausibility, out QuarantinedRow? quarantined)
    {
        var timeframeText = reader.IsDBNull(Timeframe) ? null : Convert.ToString(reader.GetValue(Timeframe), CultureInfo.InvariantCulture);
        long? time = TryInteger(reader, Timestamp, out var t) ? t : null;
        long? writtenAt = TryInteger(reader, WrittenAt, out var w) ? w : null;
        string? error = null;
        BarRecord? bar = null;
        try
        {
            bar = ParseValid(reader, timeframeText, time, writtenAt, seq, validation, plausibility);
        }
        catch (FormatException ex)
        {
            error = ex.Message;
        }

        quarantined = error is null ? null : new QuarantinedRow(symbol, seq, timeframeText, time, error, writtenAt, RawRow(reader));
        return bar!;
    }

    private static BarRecord ParseValid(SqliteDataReader reader, string? timeframeText, long? time, long? written, long seq, CollectorValidation validation, PlausibilityCheck plausibility)
    {
        if (!Timeframes.TryParse(timeframeText, out var timeframe) || !string.Equals(timeframeText, timeframe.Name(), StringComparison.Ordinal))
        {
            throw new FormatException($"unknown timeframe '{timeframeText}'");
        }

        if (time is not { } barTime)
        {
            throw new FormatException("timestamp is not an integer");
        }

        if (UnixSeconds.Check(barTime, "timestamp") is { } notSeconds)
        {
            throw new FormatException(notSeconds);
        }

        if (!timeframe.IsAligned(barTime))
        {
            throw new FormatException($"timestamp {barTime} is not a {timeframe.Name()} bar open time");
        }

        if (written is not { } writtenAt)
        {
            throw new FormatException("written_at is not an integer");
        }

        // Bar times are the broker's server clock, written_at is UTC: allow one bar plus the broker's offset.
        var latestOpen = Math.Floor(writtenAt / 1000.0) + timeframe.Seconds() + validation.MaxBrokerUtcOffset.TotalSeconds;
        if (barTime > latestOpen)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"timestamp {barTime} ({Iso(barTime)}) is beyond its write time (written_at {writtenAt} = {Iso(writtenAt / 1000)} UTC) plus one {timeframe.Name()} bar and the broker offset allowance ({validation.MaxBrokerUtcOffset:c})"));
        }

        if (plausibility.Horizon(timeframe, barTime) is { } ahead)
        {
            throw new FormatException(ahead);
        }

        var open = Price(reader, Open, "open");
        var high = Price(reader, High, "high");
        var low = Price(reader, Low, "low");
        var close = Price(reader, Close, "close");
        if (high < Math.Max(open, close) || low > Math.Min(open, close) || high < low)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"inconsistent OHLC: open {open}, high {high}, low {low}, close {close}"));
        }

        if (plausibility.Prices(timeframe, barTime, low, high) is { } implausible)
        {
            throw new FormatException(implausible);
        }

        // One check of the row's JSON, remembered with the values, so the grain this process hands them to does not repeat it.
        var faults = new List<string>(0);
        var indicators = IndicatorCheck.Usable(IndicatorValues.From(new RowIndicators(reader)), faults, remember: true);
        if (faults.Count > 0)
        {
            throw new FormatException(faults[0]);
        }

        var tickVolume = Count(reader, FirstVolume, "tick_volume");
        var spread = Count(reader, FirstVolume + 1, "spread");
        var realVolume = Count(reader, FirstVolume + 2, "real_volume");
        if (spread > int.MaxValue)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"spread {spread} is out of range (at most {int.MaxValue} points)"));
        }

        return new BarRecord(timeframe, barTime, open, high, low, close, indicators, seq, writtenAt, tickVolume, (int)spread, realVolume);
    }

    /// <summary>A volume or spread: a whole number ≥ 0 (MT5 reports them as unsigned; a negative one is a broken writer).</summary>
    private static long Count(SqliteDataReader reader, int ordinal, string column)
    {
        if (reader.IsDBNull(ordinal))
        {
            return 0; // a column added to an old file by a writer that left it empty
        }

        if (!TryInteger(reader, ordinal, out var value))
        {
            throw new FormatException($"{column} is not a whole number: '{Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture)}'");
        }

        return value >= 0 ? value : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{column} is negative ({value})"));
    }

    private static double Price(SqliteDataReader reader, int ordinal, string column) =>
        Number(reader, ordinal, column) is { } value && value != EmptyValue && value != -EmptyValue
            ? value
            : throw new FormatException($"{column} is missing or EMPTY_VALUE");

    private static double? IndicatorNumber(SqliteDataReader reader, int ordinal, string column) =>
        Number(reader, ordinal, column) is { } value && value != EmptyValue && value != -EmptyValue ? value : null;

    private static double? Number(SqliteDataReader reader, int ordinal, string column)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var value = reader.GetValue(ordinal) switch
        {
            double d => d,
            long l => l,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            var other => throw new FormatException($"{column} is not a number: '{other}'"),
        };
        return double.IsFinite(value) ? value : throw new FormatException($"{column} is not finite ({value.ToString(CultureInfo.InvariantCulture)})");
    }

    /// <summary>The row's indicator columns as stored (a number that is not finite, or JSON that is not text, throws with its reason).</summary>
    private readonly struct RowIndicators(SqliteDataReader reader) : IIndicatorSource
    {
        public string? Json(JsonIndicatorColumn column) => CollectorRowParser.Json(reader, FirstIndicator + column.Index, column);

        public double? Number(NumberIndicatorColumn column) => IndicatorNumber(reader, FirstIndicator + column.Index, column.Name);
    }

    private static string? Json(SqliteDataReader reader, int ordinal, JsonIndicatorColumn column)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return reader.GetValue(ordinal) switch
        {
            string s => s,
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            var other => throw new FormatException($"{column.Name} is not JSON text: '{other}'"),
        };
    }

    internal static string Iso(long seconds) =>
        seconds is >= -62_135_596_800 and <= 253_402_300_799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : "out of range";

    /// <summary>The row's columns as stored (numbers, text, null; blobs in base64), as one JSON object.</summary>
    private static string RawRow(SqliteDataReader reader)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                json.WritePropertyName(reader.GetName(i));
                switch (reader.IsDBNull(i) ? null : reader.GetValue(i))
                {
                    case null:
                        json.WriteNullValue();
                        break;
                    case long l:
                        json.WriteNumberValue(l);
                        break;
                    case double d when double.IsFinite(d):
                        json.WriteNumberValue(d);
                        break;
                    case byte[] bytes:
                        json.WriteBase64StringValue(bytes);
                        break;
                    case var other:
                        json.WriteStringValue(Convert.ToString(other, CultureInfo.InvariantCulture));
                        break;
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static bool TryInteger(SqliteDataReader reader, int ordinal, out long value)
    {
        value = 0;
        if (reader.IsDBNull(ordinal))
        {
            return false;
        }

        switch (reader.GetValue(ordinal))
        {
            case long l:
                value = l;
                return true;
            case double d when double.IsFinite(d) && Math.Floor(d) == d:
                value = (long)d;
                return true;
            case string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                value = parsed;
                return true;
            default:
                return false;
        }
    }
}
