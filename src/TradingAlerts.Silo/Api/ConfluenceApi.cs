using System.Globalization;
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

    public static async Task<IResult> GetConfluence(HttpContext context, IGrainFactory grains, string symbol, string? timestamp)
    {
        var upper = symbol.Trim().ToUpperInvariant();
        if (!Symbols.IsKnown(upper))
        {
            return ApiError.BadRequest($"Invalid symbol: {symbol}");
        }

        long? at = null;
        if (!string.IsNullOrEmpty(timestamp)) // empty means now, as in the seed
        {
            if (!DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return ApiError.BadRequest($"Invalid timestamp: {timestamp} (ISO 8601, e.g. 2022-01-05T12:00:00Z)");
            }

            at = parsed.ToUnixTimeSeconds();
        }

        var tier = CallerTier.Of(context.User);
        if (!TierAccess.CanUseConfluence(tier))
        {
            return ApiError.UpgradeRequired("Confluence requires the PRO tier", CallerTier.Name(tier));
        }

        ConfluenceSnapshot snapshot;
        try
        {
            snapshot = await grains.GetGrain<IConfluenceGrain>(upper).GetConfluence(at);
        }
        catch (ArgumentOutOfRangeException ex) when (at is not null)
        {
            return TypedResults.Json(new { success = false, error = ex.Message.Split(" (Parameter", 2)[0] }, statusCode: StatusCodes.Status404NotFound);
        }

        // One read per timeframe, in parallel: the bars the breakdown stands on.
        var time = at ?? long.MaxValue;
        var bars = await Task.WhenAll(Timeframes.All.Select(async tf =>
            (tf, bar: await grains.GetGrain<ITimeframeGrain>(new Pair(upper, tf).Key).GetBarAt(time))));
        return TypedResults.Bytes(ConfluenceJson.Write(snapshot, bars.ToDictionary(b => b.tf, b => b.bar)), "application/json");
    }
}
