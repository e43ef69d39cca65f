using System.Globalization;
using TradingAlerts.Indicators;

namespace TradingAlerts.Feeds.Csv;

/// <summary>
/// Reads exported M1 or M5 history into bars. Times are taken as written (broker server time, as MT5
/// exports it) and become unix seconds as if UTC, the convention of the whole grid. A line that cannot be
/// parsed, or whose prices are inconsistent, is reported with its line number and skipped.
/// </summary>
public static class HistoryCsvReader
{
    private static readonly string[] Mt5TimeFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy.MM.dd HH:mm:ss", "yyyy.MM.dd HH:mm"];

    /// <summary>Bars of <paramref name="lines"/> in file order, with the problems found.</summary>
    public static (List<Ohlc> Bars, List<string> Errors) Read(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var bars = new List<Ohlc>();
        var errors = new List<string>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim().Trim('"').Trim();
            if (line.Length == 0 || char.IsLetter(line[0]) || line[0] == '<')
            {
                continue; // blank line or header ("Time Open …", "<DATE> <TIME> …")
            }

            if (TryParse(line, out var bar, out var error))
            {
                bars.Add(bar);
            }
            else
            {
                errors.Add($"line {number}: {error}");
            }
        }

        return (bars, errors);
    }

    /// <summary>Detects the format of one data line.</summary>
    public static CsvFormat? Detect(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Contains('\t', StringComparison.Ordinal))
        {
            return CsvFormat.Mt5;
        }

        if (line.Contains(';', StringComparison.Ordinal))
        {
            return CsvFormat.HistDataAscii;
        }

        return line.Contains(',', StringComparison.Ordinal) ? CsvFormat.HistDataMetaTrader : null;
    }

    private static bool TryParse(string line, out Ohlc bar, out string error)
    {
        bar = default;
        string[] fields;
        string timeText;
        string[] timeFormats;
        switch (Detect(line))
        {
            case CsvFormat.Mt5:
                fields = line.Split('\t', StringSplitOptions.TrimEntries);
                // Some exports split date and time into two columns.
                if (fields.Length >= 7 && !fields[1].Contains('.', StringComparison.Ordinal) && fields[1].Contains(':', StringComparison.Ordinal))
                {
                    fields = [$"{fields[0]} {fields[1]}", .. fields[2..]];
                }

                timeText = fields[0];
                timeFormats = Mt5TimeFormats;
                break;
            case CsvFormat.HistDataAscii:
                fields = line.Split(';', StringSplitOptions.TrimEntries);
                timeText = fields[0];
                timeFormats = ["yyyyMMdd HHmmss"];
                break;
            case CsvFormat.HistDataMetaTrader:
                var parts = line.Split(',', StringSplitOptions.TrimEntries);
                fields = parts.Length >= 2 ? [$"{parts[0]} {parts[1]}", .. parts[2..]] : parts;
                timeText = fields[0];
                timeFormats = ["yyyy.MM.dd HH:mm", "yyyy.MM.dd HH:mm:ss"];
                break;
            default:
                error = "not a recognised history line (tab, ';' or ',' separated)";
                return false;
        }

        if (fields.Length < 5)
        {
            error = $"expected time, open, high, low, close[, volume]; found {fields.Length} fields";
            return false;
        }

        if (!DateTime.TryParseExact(timeText, timeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            error = $"bad time '{timeText}'";
            return false;
        }

        var prices = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(fields[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out prices[i]) || !double.IsFinite(prices[i]) || prices[i] <= 0)
            {
                error = $"bad price '{fields[i + 1]}'";
                return false;
            }
        }

        // Volume (tick volume); an export with <TICKVOL> <VOL> <SPREAD> also has real volume and spread.
        if (!Count(fields, 5, "volume", out var volume, out error) || !Count(fields, 6, "real volume", out var realVolume, out error)
            || !Count(fields, 7, "spread", out var spread, out error))
        {
            return false;
        }

        var (open, high, low, close) = (prices[0], prices[1], prices[2], prices[3]);
        if (high < Math.Max(open, close) || low > Math.Min(open, close))
        {
            error = FormattableString.Invariant($"inconsistent prices open {open} high {high} low {low} close {close}");
            return false;
        }

        bar = new Ohlc(new DateTimeOffset(time, TimeSpan.Zero).ToUnixTimeSeconds(), open, high, low, close, volume, (int)spread, realVolume);
        error = string.Empty;
        return true;
    }

    /// <summary>The whole non-negative number in column <paramref name="index"/>, 0 when the line has no such column.</summary>
    private static bool Count(string[] fields, int index, string name, out long value, out string error)
    {
        value = 0;
        error = string.Empty;
        if (fields.Length <= index || fields[index].Length == 0)
        {
            return true;
        }

        if (long.TryParse(fields[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= 0
            && (name != "spread" || value <= int.MaxValue))
        {
            return true;
        }

        error = $"bad {name} '{fields[index]}' (a whole number of at least 0)";
        return false;
    }
}
