using System.Globalization;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.AlertEngine.Rules;

/// <summary>
/// The alert id (docs/alert-engine.md#alert-ids): rule, pair or symbol, bar time and level (and direction for bar rules),
/// joined by ':'. Prices are written in the shortest form that reads back as the same double ("R", invariant).
/// </summary>
public static class AlertIds
{
    public static string Trendline(Pair pair, long time, double level, string direction) =>
        Invariant($"trendline:{pair.Key}:{time}:{Price(level)}:{direction}");

    public static string Keltner(Pair pair, long time, int band, string direction) =>
        Invariant($"keltner:{pair.Key}:{time}:{band}:{direction}");

    public static string Confluence(string symbol, long time, double threshold) =>
        Invariant($"confluence:{symbol}:{time}:{Price(threshold)}");

    private static string Price(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
