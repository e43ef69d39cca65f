using System.Globalization;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Api.Endpoints;

/// <summary>
/// A history request (<c>from</c>, <c>to</c>, <c>limit</c>) resolved to bar times: bars that opened in
/// [<see cref="From"/>, <see cref="To"/>], the newest <see cref="Limit"/> of them (TradingView's countback).
/// </summary>
internal sealed record HistoryQuery(long From, long To, int Limit, bool WholeRange = false)
{
    /// <summary>No lower bound: bars counted back from <c>to</c>.</summary>
    public const long Earliest = 0;

    /// <summary>No upper bound (9999-12-31T23:59:59Z): up to the latest bar.</summary>
    public const long Latest = 253_402_300_799;

    /// <summary>
    /// The request's range, or the 400 message: a <c>limit</c> may not exceed <paramref name="maxBars"/>; without
    /// <c>from</c> the default limit counts back; with <c>from</c> and no <c>limit</c> the whole range (see <see cref="TooWide"/>).
    /// </summary>
    public static bool TryParse(string? from, string? to, string? limit, int maxBars, out HistoryQuery query, out string error)
    {
        query = new HistoryQuery(Earliest, Latest, IndicatorsApi.DefaultLimit);
        error = string.Empty;
        long start = Earliest, end = Latest;
        if (!string.IsNullOrEmpty(from) && !TryParseTime(from, out start))
        {
            error = $"Invalid from: {from} (unix seconds or ISO 8601, e.g. 2024-01-02T03:04:05Z)";
            return false;
        }

        if (!string.IsNullOrEmpty(to) && !TryParseTime(to, out end))
        {
            error = $"Invalid to: {to} (unix seconds or ISO 8601, e.g. 2024-01-02T03:04:05Z)";
            return false;
        }

        if (start > end)
        {
            error = $"Invalid range: from ({start}) is after to ({end})";
            return false;
        }

        var bars = IndicatorsApi.DefaultLimit;
        if (!string.IsNullOrEmpty(limit))
        {
            if (!limit.All(char.IsAsciiDigit) || !int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out bars) || bars < 1 || bars > maxBars)
            {
                error = $"Invalid limit: {limit} (1..{maxBars} with from/to)";
                return false;
            }
        }
        else if (!string.IsNullOrEmpty(from))
        {
            bars = maxBars; // every bar of the range: its width is checked once the latest bar is known (TooWide)
        }

        query = new HistoryQuery(start, end, bars, WholeRange: string.IsNullOrEmpty(limit) && !string.IsNullOrEmpty(from));
        return true;
    }

    /// <summary>
    /// For a range asked for whole (<c>from</c> without <c>limit</c>): the 400 message when it spans more than
    /// <paramref name="maxBars"/> bar slots, counted up to <c>to</c> or the pair's latest bar, whichever is first.
    /// </summary>
    public string? TooWide(Timeframe timeframe, long? latestHeld, int maxBars)
    {
        var end = Math.Max(From, Math.Min(To, latestHeld ?? To));
        var slots = ((end - From) / timeframe.Seconds()) + 1;
        return WholeRange && slots > maxBars
            ? $"Range too wide: {slots} {timeframe.Name()} bars from {From} to {end} (at most {maxBars}; pass limit or a narrower range)"
            : null;
    }

    /// <summary>Unix seconds (ASCII digits) or an ISO 8601 date or date-time; without an offset it is on the bars' clock as is.</summary>
    internal static bool TryParseTime(string text, out long seconds)
    {
        seconds = 0;
        if (text.All(char.IsAsciiDigit))
        {
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seconds) && seconds <= Latest;
        }

        if (DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            seconds = time.ToUnixTimeSeconds();
            return seconds >= 0;
        }

        return false;
    }

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];
}
