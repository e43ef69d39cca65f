using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Ports;
using TradingAlerts.Api.Endpoints;
using TradingAlerts.Api.Markets;

namespace TradingAlerts.Api.Udf;

/// <summary>
/// <c>GET /udf/history</c>: the bars of a pair by time range as UDF columns, through the history machinery of
/// <c>/api/indicators</c> (<see cref="HistoryQuery"/>, <see cref="IndicatorsHistory"/>: the grain's window or PostgreSQL).
/// </summary>
internal static class UdfHistoryApi
{
    private const string FromDescription = "The oldest bar time wanted, unix seconds UTC (inclusive); ignored when countback is given.";
    private const string ToDescription = "The newest bar time wanted, unix seconds UTC (inclusive); absent: up to the latest bar.";
    private const string CountbackDescription = "How many bars, counted back from `to` (takes precedence over `from`), 1..Api:History:MaxBars.";
    private const string ResolutionDescription = "5, 15, 30, 60, 120, 240, 480, 720 (minutes) or 1D (D): the nine timeframes M5..D1.";

    public static RouteGroupBuilder MapUdfHistoryApi(this RouteGroupBuilder udf)
    {
        udf.MapGet("/history", GetHistory).WithName("GetUdfHistory")
            .WithSummary("UDF bars of a pair by time range: s ok with t/o/h/l/c/v (t unix seconds UTC, v tick volume), or s no_data with nextTime")
            .WithTags("UDF");
        return udf;
    }

    public static async Task<Results<Ok<UdfHistoryBody>, UdfError>> GetHistory(HttpContext context, IGrainFactory grains, MarketCalendar markets,
        [FromServices] IBarStore store, [FromServices] IOptions<HistoryOptions> history,
        [Description("A ticker (EURUSD) or the full name (GRID:EURUSD).")] string? symbol,
        [Description(ResolutionDescription)] string? resolution,
        [Description(FromDescription)] string? from, [Description(ToDescription)] string? to,
        [Description(CountbackDescription)] string? countback)
    {
        if (!UdfSymbols.TryParse(symbol, out var known, out var error))
        {
            return UdfError.BadRequest(error);
        }

        if (!UdfResolution.TryParse(resolution, out var timeframe))
        {
            return UdfError.BadRequest($"Invalid resolution: {resolution} (5, 15, 30, 60, 120, 240, 480, 720 or 1D)");
        }

        var tier = CallerTier.Of(context.User);
        if (!TierAccess.CanAccess(tier, known, timeframe))
        {
            return UdfError.UpgradeRequired($"{known} {timeframe.Name()} requires the PRO tier", CallerTier.Name(tier));
        }

        var maxBars = history.Value.MaxBars;
        if (!TryParseRange(from, to, countback, maxBars, UdfClock.Of(markets), timeframe, out var query, out error))
        {
            return UdfError.BadRequest(error);
        }

        var pair = new Pair(known, timeframe);
        var bars = await IndicatorsHistory.GetBarsAsync(context, grains, store, pair, query, maxBars);
        return bars.TooWide is { } tooWide
            ? UdfError.BadRequest(tooWide)
            : TypedResults.Ok(UdfHistoryColumns.Of(bars, UdfClock.Of(markets), timeframe));
    }

    /// <summary>
    /// UDF's range on the bars' clock as a <see cref="HistoryQuery"/>: with <c>countback</c> the newest that many bars up
    /// to <c>to</c> (the range API's <c>limit</c>), else the whole range, at most <c>Api:History:MaxBars</c> bar slots.
    /// </summary>
    internal static bool TryParseRange(string? from, string? to, string? countback, int maxBars, UdfClock clock, Timeframe timeframe,
        out HistoryQuery query, out string error)
    {
        query = null!;
        long start = HistoryQuery.Earliest, end = HistoryQuery.Latest;
        if (!string.IsNullOrEmpty(from) && !HistoryQuery.TryParseTime(from, out start))
        {
            error = $"Invalid from: {from} (unix seconds)";
            return false;
        }

        if (!string.IsNullOrEmpty(to) && !HistoryQuery.TryParseTime(to, out end))
        {
            error = $"Invalid to: {to} (unix seconds)";
            return false;
        }

        if (start > end)
        {
            error = $"Invalid range: from ({start}) is after to ({end})";
            return false;
        }

        if (!string.IsNullOrEmpty(countback)
            && (!countback.All(char.IsAsciiDigit) || !int.TryParse(countback, NumberStyles.None, CultureInfo.InvariantCulture, out var bars) || bars < 1 || bars > maxBars))
        {
            error = $"Invalid countback: {countback} (1..{maxBars})";
            return false;
        }

        // Without countback and from, the range API's default: its newest bars up to to.
        var barsFrom = string.IsNullOrEmpty(countback) && !string.IsNullOrEmpty(from) ? Text(clock.ToBars(start, timeframe)) : null;
        return HistoryQuery.TryParse(barsFrom, Text(clock.ToBars(end, timeframe)), string.IsNullOrEmpty(countback) ? null : countback,
            maxBars, out query, out error);
    }

    private static string Text(long seconds) => seconds.ToString(CultureInfo.InvariantCulture);
}
