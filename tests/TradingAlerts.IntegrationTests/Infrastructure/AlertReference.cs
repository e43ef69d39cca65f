using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.IntegrationTests.Infrastructure;

/// <summary>
/// The alerts a collector file's closed bars call for, computed offline from the rules as docs/alert-engine.md writes
/// them (deliberately not the engine's rule classes): per pair, in time order, every bar but the newest of its timeframe
/// is closed; the first closed bar is the baseline; each later one is compared with the one before it.
/// </summary>
public static class AlertReference
{
    public static IReadOnlySet<string> Compute(string file, IEnumerable<string> symbols, IEnumerable<Timeframe> timeframes, bool trendlines, int? keltnerBand)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var tfs = timeframes.ToList();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        foreach (var symbol in symbols)
        {
            foreach (var timeframe in tfs)
            {
                var pair = new Pair(symbol, timeframe);
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT timestamp, close, horizontal_trendlines, keltner_channels FROM \"{symbol}\" WHERE timeframe = $tf ORDER BY timestamp";
                command.Parameters.AddWithValue("$tf", timeframe.Name());
                var bars = new List<(long Time, double Close, string? Lines, string? Keltner)>();
                using (var reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        bars.Add((reader.GetInt64(0), reader.GetDouble(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
                    }
                }

                // The newest bar of the timeframe is still forming: only the ones before it are closed.
                for (var i = 1; i < bars.Count - 1; i++)
                {
                    var (previous, bar) = (bars[i - 1], bars[i]);
                    if (trendlines)
                    {
                        foreach (var level in LinePrices(bar.Lines).Distinct())
                        {
                            var (was, now) = (Math.Sign(previous.Close - level), Math.Sign(bar.Close - level));
                            if (was != 0 && now != 0 && was != now)
                            {
                                ids.Add(string.Create(CultureInfo.InvariantCulture, $"trendline:{pair.Key}:{bar.Time}:{level.ToString("R", CultureInfo.InvariantCulture)}:{(now > 0 ? "up" : "down")}"));
                            }
                        }
                    }

                    if (keltnerBand is { } band && Side(bar.Close, bar.Keltner, band) is { } side and not 0 && Side(previous.Close, previous.Keltner, band) is { } before && before != side)
                    {
                        ids.Add(string.Create(CultureInfo.InvariantCulture, $"keltner:{pair.Key}:{bar.Time}:{band}:{(side > 0 ? "above" : "below")}"));
                    }
                }
            }
        }

        return ids;
    }

    private static IEnumerable<double> LinePrices(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            yield break;
        }

        using var doc = JsonDocument.Parse(json);
        foreach (var name in new[] { "peak_lines", "bottom_lines" })
        {
            if (doc.RootElement.TryGetProperty(name, out var lines))
            {
                foreach (var line in lines.EnumerateArray())
                {
                    if (line.TryGetProperty("end_price", out var price) && price.ValueKind == JsonValueKind.Number)
                    {
                        yield return price.GetDouble();
                    }
                }
            }
        }
    }

    /// <summary>1 above band n's upper price, -1 below its lower, 0 inside; null when the bar has no such band.</summary>
    private static int? Side(double close, string? json, int band)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("upper", out var upper) || !doc.RootElement.TryGetProperty("lower", out var lower)
            || upper.GetArrayLength() < band || lower.GetArrayLength() < band)
        {
            return null;
        }

        return close > upper[band - 1].GetDouble() ? 1 : close < lower[band - 1].GetDouble() ? -1 : 0;
    }
}
