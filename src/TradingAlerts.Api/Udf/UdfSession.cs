using System.Globalization;
using System.Text;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Api.Udf;

/// <summary>
/// An instrument's weekly sessions (on the bars' clock) as TradingView's session string: "24x7" for the whole week,
/// else per trading day "HHMM-HHMM" periods with a ":days" suffix (1 Sunday … 7 Saturday), days with different periods
/// separated by "|". A period that runs to midnight is written as TradingView's overnight session of the next day
/// ("0100-0000:3" is Monday 01:00 to Tuesday 00:00), a whole day as "0000-0000".
/// </summary>
internal static class UdfSession
{
    private const int Day = 24 * 60;

    public static string Of(IReadOnlyList<WeeklySession> sessions)
    {
        if (sessions.Any(s => s.IsWholeWeek))
        {
            return "24x7";
        }

        // Open minutes of the week, then each calendar day's open periods.
        var open = new bool[WeeklySession.WeekMinutes];
        for (var m = 0; m < open.Length; m++)
        {
            open[m] = sessions.Any(s => s.Contains(m));
        }

        var periods = new SortedDictionary<int, List<string>>(); // TradingView day number -> periods of that trading day
        for (var day = 0; day < 7; day++)
        {
            var start = -1;
            for (var m = 0; m <= Day; m++)
            {
                var isOpen = m < Day && open[(day * Day) + m];
                if (isOpen && start < 0)
                {
                    start = m;
                }
                else if (!isOpen && start >= 0)
                {
                    // Monday is day 0 here and 2 for TradingView; a period ending at midnight belongs to the next trading day.
                    var toMidnight = m == Day && start > 0;
                    var tvDay = ((day + (toMidnight ? 1 : 0) + 1) % 7) + 1;
                    var text = $"{Hhmm(start)}-{(m == Day ? "0000" : Hhmm(m))}";
                    if (!periods.TryGetValue(tvDay, out var list))
                    {
                        periods[tvDay] = list = [];
                    }

                    list.Add(text);
                    start = -1;
                }
            }
        }

        var builder = new StringBuilder();
        foreach (var group in periods.GroupBy(p => string.Join(',', p.Value.Order(StringComparer.Ordinal)), p => p.Key))
        {
            builder.Append(builder.Length > 0 ? "|" : string.Empty).Append(group.Key).Append(':').AppendJoin(string.Empty, group.Order());
        }

        return builder.ToString();
    }

    private static string Hhmm(int minute) => string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}{minute % 60:00}");
}
