using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Silo.Api;

/// <summary><c>GET /api/symbols</c> and <c>GET /api/timeframes</c>, each with the caller's access.</summary>
internal static class CatalogueApi
{
    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/symbols", (HttpContext context) =>
        {
            var tier = CallerTier.Of(context.User);
            return TypedResults.Json(new
            {
                success = true,
                tier = CallerTier.Name(tier),
                symbols = Symbols.All.Select(s => new { symbol = s, accessible = TierAccess.CanAccessSymbol(tier, s) }),
            });
        }).WithName("GetSymbols").WithSummary("The 15 symbols and whether the caller may read them").WithTags("Catalogue");

        app.MapGet("/api/timeframes", (HttpContext context) =>
        {
            var tier = CallerTier.Of(context.User);
            return TypedResults.Json(new
            {
                success = true,
                tier = CallerTier.Name(tier),
                timeframes = Timeframes.All.Select(tf => new { timeframe = tf.Name(), seconds = tf.Seconds(), accessible = TierAccess.CanAccessTimeframe(tier, tf) }),
            });
        }).WithName("GetTimeframes").WithSummary("The 9 timeframes and whether the caller may read them").WithTags("Catalogue");
        return app;
    }
}
