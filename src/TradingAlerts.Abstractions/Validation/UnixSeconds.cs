using System.Globalization;

namespace TradingAlerts.Abstractions.Validation;

/// <summary>
/// The range a time in unix seconds may take: 1970-01-01 up to 3000-12-31 23:59:59, the last datetime
/// MQL5 can express. Any millisecond time after 1971-01-12 is above that bound, so a collector that
/// wrote milliseconds is caught however its value is read.
/// </summary>
public static class UnixSeconds
{
    /// <summary>3000-12-31 23:59:59 UTC (MQL5's <c>D'3000.12.31 23:59:59'</c>).</summary>
    public const long Max = 32_535_215_999;

    public static bool IsValid(long seconds) => seconds is >= 0 and <= Max;

    /// <summary>Why <paramref name="seconds"/> is not a unix-seconds time, or null when it is.</summary>
    public static string? Check(long seconds, string what) => seconds switch
    {
        < 0 => string.Create(CultureInfo.InvariantCulture, $"{what} {seconds} is before 1970"),
        > Max => string.Create(CultureInfo.InvariantCulture,
            $"{what} {seconds} is not unix seconds (after 3000-12-31, MT5's last datetime; milliseconds?)"),
        _ => null,
    };
}
