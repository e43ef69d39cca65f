namespace TradingAlerts.Abstractions.Catalogue;

/// <summary>Durations, bucket alignment and names of a <see cref="Timeframe"/>.</summary>
/// <remarks>
/// Bar times are bar open times in unix seconds of the broker's server clock, exactly as MT5 reports
/// them; the grid never shifts them to another zone. Every duration divides a day, so a bar of any
/// timeframe starts at a multiple of its duration counted from server midnight, and a bar covers the
/// half-open range [start, start + duration).
/// </remarks>
public static class TimeframeExtensions
{
    /// <summary>Bar duration in seconds.</summary>
    public static int Seconds(this Timeframe timeframe) => (int)timeframe;

    /// <summary>Bar duration.</summary>
    public static TimeSpan Duration(this Timeframe timeframe) => TimeSpan.FromSeconds((int)timeframe);

    /// <summary>Open time of the bar that contains <paramref name="unixSeconds"/>.</summary>
    public static long BucketStart(this Timeframe timeframe, long unixSeconds)
    {
        var seconds = (long)timeframe;
        // Floor division so times before 1970 still fall into the bar that contains them.
        return unixSeconds - (((unixSeconds % seconds) + seconds) % seconds);
    }

    /// <summary>Open time of the bar that follows the one containing <paramref name="unixSeconds"/>.</summary>
    public static long NextBucketStart(this Timeframe timeframe, long unixSeconds) =>
        timeframe.BucketStart(unixSeconds) + (long)timeframe;

    /// <summary>True when <paramref name="unixSeconds"/> is the open time of a bar.</summary>
    public static bool IsAligned(this Timeframe timeframe, long unixSeconds) =>
        timeframe.BucketStart(unixSeconds) == unixSeconds;

    /// <summary>Open time of the bar that contains <paramref name="time"/>.</summary>
    public static DateTimeOffset BucketStart(this Timeframe timeframe, DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeSeconds(timeframe.BucketStart(time.ToUnixTimeSeconds()));

    /// <summary>The canonical upper-case name, e.g. "H1".</summary>
    public static string Name(this Timeframe timeframe) => Timeframes.NameOf(timeframe);

    /// <summary>The lower-case form used in PostgreSQL table names, e.g. "h1".</summary>
    public static string TableSuffix(this Timeframe timeframe) => Timeframes.TableSuffixOf(timeframe);
}
