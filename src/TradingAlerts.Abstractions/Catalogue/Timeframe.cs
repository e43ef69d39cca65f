using System.Collections.Frozen;

namespace TradingAlerts.Abstractions.Catalogue;

/// <summary>
/// The nine bar timeframes the grid carries. The underlying value is the bar duration in seconds,
/// so a timeframe needs no lookup to be turned into a duration.
/// </summary>
public enum Timeframe
{
    M5 = 300,
    M15 = 900,
    M30 = 1_800,
    H1 = 3_600,
    H2 = 7_200,
    H4 = 14_400,
    H8 = 28_800,
    H12 = 43_200,
    D1 = 86_400,
}

/// <summary>The nine timeframes, their names and parsing.</summary>
public static class Timeframes
{
    /// <summary>All timeframes, shortest first.</summary>
    public static IReadOnlyList<Timeframe> All { get; } =
    [
        Timeframe.M5, Timeframe.M15, Timeframe.M30, Timeframe.H1, Timeframe.H2,
        Timeframe.H4, Timeframe.H8, Timeframe.H12, Timeframe.D1,
    ];

    private static readonly FrozenDictionary<string, Timeframe> ByName =
        All.ToFrozenDictionary(tf => tf.ToString(), StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<Timeframe, string> Names = All.ToFrozenDictionary(tf => tf, tf => tf.ToString());

    private static readonly FrozenDictionary<Timeframe, string> Suffixes =
        All.ToFrozenDictionary(tf => tf, tf => tf.ToString().ToLowerInvariant());

    /// <summary>
    /// Parses a timeframe name case-insensitively ("h1", "H1"). Unlike <see cref="Enum.TryParse{TEnum}(string, out TEnum)"/>
    /// it accepts names only, never numbers, so "300" or "W1" are rejected.
    /// </summary>
    public static bool TryParse(string? name, out Timeframe timeframe) =>
        ByName.TryGetValue(name?.Trim() ?? string.Empty, out timeframe);

    /// <summary>Parses or throws <see cref="ArgumentException"/> naming the bad value.</summary>
    public static Timeframe Parse(string? name) =>
        TryParse(name, out var tf) ? tf : throw new ArgumentException($"Invalid timeframe: {name}", nameof(name));

    /// <summary>True for the nine catalogue values only (guards casts from integers).</summary>
    public static bool IsDefined(Timeframe timeframe) => Names.ContainsKey(timeframe);

    internal static string NameOf(Timeframe timeframe) =>
        Names.TryGetValue(timeframe, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(timeframe), timeframe, "Not a catalogue timeframe");

    internal static string TableSuffixOf(Timeframe timeframe) =>
        Suffixes.TryGetValue(timeframe, out var suffix) ? suffix : throw new ArgumentOutOfRangeException(nameof(timeframe), timeframe, "Not a catalogue timeframe");
}

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
