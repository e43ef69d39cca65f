using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Api.Udf;

/// <summary>
/// TradingView resolutions of the nine catalogue timeframes: minutes for the intraday ones ("5" … "720"), "1D" (or
/// "D") for D1. The grid carries no M1, W1 or MN1, so "1", "W" and "M" are unknown resolutions (400).
/// </summary>
internal static class UdfResolution
{
    private static readonly Dictionary<string, Timeframe> ByResolution = new(StringComparer.OrdinalIgnoreCase)
    {
        ["5"] = Timeframe.M5,
        ["15"] = Timeframe.M15,
        ["30"] = Timeframe.M30,
        ["60"] = Timeframe.H1,
        ["120"] = Timeframe.H2,
        ["240"] = Timeframe.H4,
        ["480"] = Timeframe.H8,
        ["720"] = Timeframe.H12,
        ["1D"] = Timeframe.D1,
        ["D"] = Timeframe.D1,
    };

    public static bool TryParse(string? resolution, out Timeframe timeframe) =>
        ByResolution.TryGetValue(resolution?.Trim() ?? string.Empty, out timeframe);

    /// <summary>The resolution TradingView writes for <paramref name="timeframe"/>.</summary>
    public static string Of(Timeframe timeframe) => timeframe == Timeframe.D1 ? "1D" : (timeframe.Seconds() / 60).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The resolutions of the timeframes a tier may read of <paramref name="symbol"/> (all symbols when null), shortest first.</summary>
    public static List<string> Readable(Tier tier, string? symbol = null) =>
        [.. Timeframes.All.Where(tf => symbol is null ? TierAccess.CanAccessTimeframe(tier, tf) : TierAccess.CanAccess(tier, symbol, tf)).Select(Of)];
}
