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

    /// <summary>Parses route and query values the way every pair endpoint does, or says what is wrong.</summary>
    public static bool TryParsePair(string symbol, string timeframe, out Pair pair, out IResult? error)
    {
        pair = default;
        var upper = symbol.Trim().ToUpperInvariant();
        if (!Symbols.IsKnown(upper))
        {
            error = ApiError.BadRequest($"Invalid symbol: {symbol}");
            return false;
        }

        if (!Timeframes.TryParse(timeframe, out var tf))
        {
            error = ApiError.BadRequest($"Invalid timeframe: {timeframe}");
            return false;
        }

        pair = new Pair(upper, tf);
        error = null;
        return true;
    }

    public static async Task<IResult> GetIndicators(HttpContext context, IGrainFactory grains, string symbol, string timeframe, string? limit)
    {
        if (!TryParsePair(symbol, timeframe, out var pair, out var error))
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
        if (!TierAccess.CanAccess(tier, pair.Symbol, pair.Timeframe))
        {
            return ApiError.UpgradeRequired($"{pair.Symbol} {pair.Timeframe.Name()} requires the PRO tier", CallerTier.Name(tier));
        }

        // The grain's version is the ETag: a polling client that already has this version gets 304.
        var grain = grains.GetGrain<ITimeframeGrain>(pair.Key);
        var etag = new EntityTagHeaderValue($"\"{await grain.GetVersion()}-{bars}-{CallerTier.Name(tier)}\"");
        context.Response.Headers.ETag = etag.ToString();
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var snapshot = await grain.GetBars(bars);
        context.Response.Headers.ETag = $"\"{snapshot.Version}-{bars}-{CallerTier.Name(tier)}\"";
        return TypedResults.Bytes(IndicatorsJson.Write(snapshot, pair, tier), "application/json");
    }
}
