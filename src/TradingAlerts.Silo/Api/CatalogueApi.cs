using Microsoft.AspNetCore.Http.HttpResults;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Silo.Api;

/// <summary><c>GET /api/symbols</c> and <c>GET /api/timeframes</c>, each with the caller's access.</summary>
internal static class CatalogueApi
{
    public static RouteGroupBuilder MapCatalogueApi(this RouteGroupBuilder api)
    {
        api.MapGet("/symbols", GetSymbols)
            .WithName("GetSymbols").WithSummary("The 15 symbols and whether the caller may read them").WithTags("Catalogue");
        api.MapGet("/timeframes", GetTimeframes)
            .WithName("GetTimeframes").WithSummary("The 9 timeframes and whether the caller may read them").WithTags("Catalogue");
        return api;
    }

    public static Ok<SymbolsBody> GetSymbols(HttpContext context)
    {
        var tier = CallerTier.Of(context.User);
        return TypedResults.Ok(new SymbolsBody(true, CallerTier.Name(tier),
            [.. Symbols.All.Select(s => new SymbolAccess(s, TierAccess.CanAccessSymbol(tier, s)))]));
    }

    public static Ok<TimeframesBody> GetTimeframes(HttpContext context)
    {
        var tier = CallerTier.Of(context.User);
        return TypedResults.Ok(new TimeframesBody(true, CallerTier.Name(tier),
            [.. Timeframes.All.Select(tf => new TimeframeAccess(tf.Name(), tf.Seconds(), TierAccess.CanAccessTimeframe(tier, tf)))]));
    }

    internal sealed record SymbolsBody(bool Success, string Tier, IReadOnlyList<SymbolAccess> Symbols);

    internal sealed record SymbolAccess(string Symbol, bool Accessible);

    internal sealed record TimeframesBody(bool Success, string Tier, IReadOnlyList<TimeframeAccess> Timeframes);

    internal sealed record TimeframeAccess(string Timeframe, int Seconds, bool Accessible);
}
