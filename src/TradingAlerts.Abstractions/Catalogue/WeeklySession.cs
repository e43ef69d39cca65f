using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace TradingAlerts.Abstractions.Catalogue;

/// <summary>
/// One weekly trading window on the bars' clock, written <c>"Mon 00:00-Sat 00:00"</c>: opens at the first day and
/// time, closes at the second (exclusive; <c>24:00</c> is the end of that day). A window whose close is before its
/// open wraps over the week's end (<c>"Sun 22:00-Fri 22:00"</c>); <see cref="AlwaysOpen"/> is the whole week.
/// </summary>
public readonly record struct WeeklySession(int OpenMinute, int CloseMinute)
{
    /// <summary>Minutes of a week, counted from Monday 00:00.</summary>
    public const int WeekMinutes = 7 * 24 * 60;

    /// <summary>The whole week (crypto): open and close the same moment.</summary>
    public const string AlwaysOpen = "Mon 00:00-Mon 00:00";

    private static readonly string[] Days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>Minutes from Monday 00:00 of the week that holds <paramref name="time"/> (the bars' clock).</summary>
    public static int MinuteOfWeek(DateTime time) =>
        ((int)time.DayOfWeek + 6) % 7 * 24 * 60 + time.Hour * 60 + time.Minute;

    public bool IsWholeWeek => OpenMinute == CloseMinute;

    /// <summary>True when <paramref name="minuteOfWeek"/> (0 ≤ m &lt; <see cref="WeekMinutes"/>) is inside the window.</summary>
    public bool Contains(int minuteOfWeek) =>
        IsWholeWeek
        || (OpenMinute < CloseMinute
            ? minuteOfWeek >= OpenMinute && minuteOfWeek < CloseMinute
            : minuteOfWeek >= OpenMinute || minuteOfWeek < CloseMinute);

    public static bool TryParse(string? text, out WeeklySession session, [NotNullWhen(false)] out string? error)
    {
        session = default;
        var parts = (text ?? string.Empty).Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TryMinute(parts[0], allowEndOfDay: false, out var open) || !TryMinute(parts[1], allowEndOfDay: true, out var close))
        {
            error = $"Invalid session '{text}': expected 'Mon 00:00-Sat 00:00' (days Mon..Sun, times HH:mm, 24:00 only as a close)";
            return false;
        }

        session = new WeeklySession(open, close % WeekMinutes);
        error = null;
        return true;
    }

    private static bool TryMinute(string text, bool allowEndOfDay, out int minute)
    {
        minute = 0;
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var day = fields.Length == 2 ? Array.FindIndex(Days, d => d.Equals(fields[0], StringComparison.OrdinalIgnoreCase)) : -1;
        if (day < 0 || fields[1].Length != 5 || fields[1][2] != ':'
            || !int.TryParse(fields[1].AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(fields[1].AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || minutes > 59 || hours > 24 || (hours == 24 && (minutes != 0 || !allowEndOfDay)))
        {
            return false;
        }

        minute = day * 24 * 60 + hours * 60 + minutes;
        return true;
    }

    public override string ToString() => $"{Format(OpenMinute)}-{Format(CloseMinute)}";

    private static string Format(int minute) =>
        string.Create(CultureInfo.InvariantCulture, $"{Days[minute / (24 * 60)]} {minute % (24 * 60) / 60:00}:{minute % 60:00}");
}
