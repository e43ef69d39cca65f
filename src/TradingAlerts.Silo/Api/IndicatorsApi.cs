using System.Globalization;
using Microsoft.Net.Http.Headers;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Grains;

namespace TradingAlerts.Silo.Api;

/// <summary><c>GET /api/indicators/{symbol}/{timeframe}?limit=1000</c>: bars and indicators from grain state.</summary>
internal static class IndicatorsApi
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 5000;

    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/indicators/{symbol}/{timeframe}", GetIndicators)
            .WithName("GetIndicators")
            .WithSummary("Latest bars of a pair with every indicator (PRO-only indicators empty for FREE)")
            .WithTags("Indicators");
        return app;
    }

    public static async Task<IResult> GetIndicators(HttpContext context, IGrainFactory grains, ResponseCache cache, string symbol, string timeframe, string? limit)
    {
        if (!ApiAccess.TryParsePair(symbol, timeframe, out var pair, out var error))
        {
            return error!;
        }

        // Empty means the default (the seed's `get('limit') || '1000'`); otherwise ASCII digits only,
        // since int.TryParse alone also accepts trailing NULs ("10\0").
        var bars = DefaultLimit;
        if (!string.IsNullOrEmpty(limit) && (!limit.All(char.IsAsciiDigit)
            || !int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out bars) || bars < 1 || bars > MaxLimit))
        {
            return ApiError.BadRequest($"Invalid limit: {limit} (1..{MaxLimit})");
        }

        var tier = CallerTier.Of(context.User);
        if (ApiAccess.PairDenied(tier, pair) is { } denied)
        {
            return denied;
        }

        // The grain's version is the ETag and the cache key: one cheap grain call decides 304, cached bytes or a fresh copy.
        var grain = grains.GetGrain<ITimeframeGrain>(pair.Key);
        var version = await grain.GetVersion();
        if (NotModified(context, version, bars, tier))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        if (!cache.TryGet(new CacheKey(pair, bars, tier, version), out var body))
        {
            var snapshot = await grain.GetBars(bars);
            body = IndicatorsJson.Write(snapshot, pair, tier);
            cache.Set(new CacheKey(pair, bars, tier, snapshot.Version), body);
            version = snapshot.Version;
        }

        context.Response.Headers.ETag = ETag(version, bars, tier).ToString();
        return TypedResults.Bytes(body, "application/json");
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

    private readonly record struct CacheKey(Pair Pair, int Limit, Tier Tier, long Version);
}
