using System.Globalization;

namespace TradingAlerts.Api.Endpoints;

/// <summary>
/// ISO 8601 timestamps as the API documents them, and nothing looser: culture-dependent or free-form dates
/// ("Jan 5 2022", "06/01/2022") would be read differently by different callers, so they are refused.
/// </summary>
internal static class IsoTimestamp
{
    /// <summary>Date, or date and time with optional seconds and fraction; Z, an offset, or none (UTC).</summary>
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    ];

    public static bool TryParse(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
