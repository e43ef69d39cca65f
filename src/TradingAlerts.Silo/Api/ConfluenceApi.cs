using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;

namespace TradingAlerts.Silo.Api;

/// <summary><c>GET /api/confluence/{symbol}[?timestamp=ISO]</c> (PRO): the score and its breakdown from grain state.</summary>
internal static class ConfluenceApi
{
    public static IEndpointRouteBuilder MapConfluenceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/confluence/{symbol}", GetConfluence)
            .WithName("GetConfluence")
            .WithSummary("Multi-timeframe confluence score 0-10 with its breakdown and the 117 indicators (PRO)")
            .WithTags("Confluence");
        return app;
    }

    public static async Task<IResult> GetConfluence(HttpContext context, IGrainFactory grains, ResponseCache cache, string symbol, string? timestamp)
    {
        if (!ApiAccess.TryParseSymbol(symbol, out var upper, out var error))
        {
            return error!;
        }

        long? at = null;
        if (!string.IsNullOrEmpty(timestamp)) // empty means now, as in the seed
        {
            if (!IsoTimestamp.TryParse(timestamp, out var parsed))
            {
                return ApiError.BadRequest($"Invalid timestamp: {timestamp} (ISO 8601, e.g. 2022-01-05T12:00:00Z)");
            }

            at = parsed.ToUnixTimeSeconds();
        }

        if (ApiAccess.ConfluenceDenied(CallerTier.Of(context.User)) is { } denied)
        {
            return denied;
        }

        var confluence = grains.GetGrain<IConfluenceGrain>(upper);
        if (at is null)
        {
            // The present: one version check, then cached bytes or one call for the whole view.
            var version = await confluence.GetVersion();
            if (!cache.TryGet(new CacheKey(upper, version), out var body))
            {
                var view = await confluence.GetView();
                body = ConfluenceJson.Write(view);
                cache.Set(new CacheKey(upper, view.Version), body);
            }

            return TypedResults.Bytes(body, "application/json");
        }

        ConfluenceSnapshot snapshot;
        try
        {
            snapshot = await confluence.GetConfluence(at);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            return TypedResults.Json(new { success = false, error = ex.Message.Split(" (Parameter", 2)[0] }, statusCode: StatusCodes.Status404NotFound);
        }

        // A past time: the bars in force then.
        return TypedResults.Bytes(ConfluenceJson.Write(snapshot, await BarsAt(grains, upper, at.Value)), "application/json");
    }

    /// <summary>The bar in force at <paramref name="time"/> of each timeframe (one read each, in parallel): what the breakdown stands on.</summary>
    public static async Task<Dictionary<Timeframe, BarRecord?>> BarsAt(IGrainFactory grains, string symbol, long time)
    {
        var bars = await Task.WhenAll(Timeframes.All.Select(async tf =>
            (tf, bar: await grains.GetGrain<ITimeframeGrain>(new Pair(symbol, tf).Key).GetBarAt(time))));
        return bars.ToDictionary(b => b.tf, b => b.bar);
    }

    private readonly record struct CacheKey(string Symbol, long Version);
}
