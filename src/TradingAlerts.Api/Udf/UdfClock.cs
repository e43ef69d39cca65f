using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Api.Markets;

namespace TradingAlerts.Api.Udf;

/// <summary>
/// Bar times between the bars' clock (broker server time, <c>Markets:ServerTimeZone</c>, stamped as unix seconds) and
/// UDF's unix seconds UTC. Intraday bars are converted: the symbol's <c>timezone</c> is the server zone and its sessions
/// are on that clock, so the chart places them right in any display zone. A D1 bar keeps its stamp, the server date at
/// 00:00 "UTC": that is how TradingView expects a daily bar (the trading day at midnight UTC, not the moment it opened).
/// </summary>
internal sealed class UdfClock(TimeZoneInfo zone)
{
    private readonly bool _utc = zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime;

    public static UdfClock Of(MarketCalendar markets) => new(markets.Zone);

    /// <summary>The zone as TradingView names it: an IANA id, UTC as "Etc/UTC".</summary>
    public string TimeZone => _utc ? "Etc/UTC" : zone.Id;

    /// <summary>A UDF time (UTC) on the bars' clock, for the range asked of the grain and the store.</summary>
    public long ToBars(long utc, Timeframe timeframe)
    {
        if (_utc || timeframe == Timeframe.D1)
        {
            return utc;
        }

        var offset = (long)zone.GetUtcOffset(DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(utc, MinUnix, MaxUnix))).TotalSeconds;
        return Math.Clamp(utc + offset, 0, Endpoints.HistoryQuery.Latest);
    }

    /// <summary>
    /// A bar time in UDF's UTC. A time the zone skips (spring forward) or repeats (fall back) takes the standard offset,
    /// as <see cref="TimeZoneInfo.GetUtcOffset(DateTime)"/> decides; <see cref="UdfHistoryColumns"/> keeps the times strictly increasing.
    /// </summary>
    public long ToUtc(long bars, Timeframe timeframe)
    {
        if (_utc || timeframe == Timeframe.D1)
        {
            return bars;
        }

        var local = DateTime.SpecifyKind(DateTime.UnixEpoch.AddSeconds(Math.Clamp(bars, 0, MaxUnix)), DateTimeKind.Unspecified);
        return bars - (long)zone.GetUtcOffset(local).TotalSeconds;
    }

    private const long MinUnix = 0;
    private const long MaxUnix = 253_402_214_400; // 9999-12-31 00:00 UTC: one day of headroom for any offset
}
