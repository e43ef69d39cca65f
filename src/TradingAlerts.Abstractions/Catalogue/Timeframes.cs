using System.Collections.Frozen;

namespace TradingAlerts.Abstractions.Catalogue;

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
