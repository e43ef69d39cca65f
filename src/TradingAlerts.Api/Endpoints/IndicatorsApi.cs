using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Abstractions.Ports;
using TradingAlerts.Api.Caching;
using TradingAlerts.Api.Errors;
using TradingAlerts.Api.OpenApi.Wire;

namespace TradingAlerts.Api.Endpoints;

/// <summary>
/// <c>GET /api/indicators/{symbol}/{timeframe}?limit=1000</c>: bars and indicators from grain state; with <c>from</c>/<c>to</c>
/// history by time range (<see cref="IndicatorsHistory"/>).
/// </summary>
internal static class IndicatorsApi
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 5000;

    public static RouteGroupBuilder MapIndicatorsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/indicators/{symbol}/{timeframe}", GetIndicators)
            .RequirePairAccess()
            .WithName("GetIndicators")
            .WithSummary("Latest bars of a pair with every indicator (PRO-only indicators empty for FREE)")
            .WithDescription(LimitDescription)
            .WithTags("Indicators");
        return api;
    }

    private const string LimitDescription =
        "`limit`: how many of the latest bars, a whole number (ASCII digits), default 1000. Values above 5000 are clamped to 5000 " +
        "(as the original API did); 0, negative or non-numeric values are 400. `metadata.bars_returned` is the number of bars in " +
        "the response: at most the limit, fewer when the pair holds fewer.";

    private const string FromDescription =
        "History by time range: the oldest bar time wanted, unix seconds or ISO 8601 (`2024-01-02T03:04:05Z`) on the bars' clock. " +
        "With `from` or `to` the answer holds the bars that opened in [from, to], the newest `limit` of them (counted back from `to`, " +
        "as TradingView's countback); without `limit` the range may span at most `Api:History:MaxBars` bars. From memory or PostgreSQL, " +
        "same body; `metadata.no_data` and `metadata.next_time` say when the range holds no bar and where the next older one is.";

    private const string ToDescription =
        "History by time range: the newest bar time wanted (inclusive), unix seconds or ISO 8601; absent: up to the latest bar.";

    public static async Task<Results<JsonBody<IndicatorsResponseWire>, NotModified, BadRequest<ApiErrorBody>>> GetIndicators(
        HttpContext context, IGrainFactory grains, ResponseCache cache, string symbol, string timeframe,
        [Description(LimitDescription)] string? limit,
        [Description(FromDescription)] string? from, [Description(ToDescription)] string? to,
        [FromServices] IBarStore store, [FromServices] IOptions<HistoryOptions> history)
    {
        // symbol and timeframe (bound for the API description) were checked by the route's filter (ApiAccess).
        var (pair, tier) = context.Checked<CheckedPair>();
        if (from is not null || to is not null)
        {
            // History by time range (IndicatorsHistory); without from/to the answer is the latest bars, as always.
            return HistoryQuery.TryParse(from, to, limit, history.Value.MaxBars, out var query, out var error)
                ? await IndicatorsHistory.GetAsync(context, grains, store, pair, tier, query, history.Value.MaxBars)
                : ApiError.BadRequest(error);
        }

        if (!TryParseLimit(limit, out var bars))
        {
            return ApiError.BadRequest($"Invalid limit: {limit} (1..{MaxLimit})");
        }

        // The grain's version is the ETag and the cache key: one cheap grain call decides 304, cached bytes or a fresh copy.
        var grain = grains.GetGrain<ITimeframeGrain>(pair.Key);
        var version = await grain.GetVersion();
        if (NotModified(context, version, bars, tier))
        {
            return Endpoints.NotModified.Instance;
        }

        // One body per (pair, tier) serves every limit up to the bars it holds: built at the default limit, or at the
        // maximum once a caller asks for more, so a caller cycling limits costs at most two serializations per version.
        var key = new CacheKey(pair, tier);
        if (!cache.TryGet(key, version, bars, out CachedIndicators? body))
        {
            var asked = bars <= DefaultLimit ? DefaultLimit : MaxLimit;
            var snapshot = await grain.GetBars(asked);
            body = IndicatorsResponseJson.WriteSliceable(snapshot, pair, tier, asked);
            cache.Set(key, body);
            version = snapshot.Version;
        }

        context.Response.Headers.ETag = ETag(version, bars, tier).ToString();
        return new JsonBody<IndicatorsResponseWire>(body, bars);
    }

    /// <summary>
    /// Empty means the default (the original API's <c>get('limit') || '1000'</c>); otherwise ASCII digits only
    /// (int.TryParse alone also accepts signs, spaces and trailing NULs), at least 1; larger than
    /// <see cref="MaxLimit"/>, however many digits, is clamped to it as the original API's <c>Math.min</c> did,
    /// since clients written for it send larger values.
    /// </summary>
    internal static bool TryParseLimit(string? text, out int bars)
    {
        bars = DefaultLimit;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!text.All(char.IsAsciiDigit))
        {
            return false;
        }

        var digits = text.TrimStart('0');
        bars = digits.Length == 0 ? 0
            : digits.Length > 4 || int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) > MaxLimit ? MaxLimit
            : int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return bars >= 1;
    }

    private static EntityTagHeaderValue ETag(long version, int limit, Tier tier) => new($"\"{version}-{limit}-{CallerTier.Name(tier)}\"");

    private static bool NotModified(HttpContext context, long version, int limit, Tier tier)
    {
        var etag = ETag(version, limit, tier);
        if (!context.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false)))
        {
            return false;
        }

        context.Response.Headers.ETag = etag.ToString();
        return true;
    }

    private readonly record struct CacheKey(Pair Pair, Tier Tier);
}
