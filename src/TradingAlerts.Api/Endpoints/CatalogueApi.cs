using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Api.Endpoints;

/// <summary>
/// <c>GET /api/symbols</c>, <c>GET /api/timeframes</c> and <c>GET /api/indicators/catalogue</c> (the indicator columns, from
/// <see cref="IndicatorCatalogue"/>: the dashboard's tier flags), each with the caller's access.
/// </summary>
internal static class CatalogueApi
{
    public static RouteGroupBuilder MapCatalogueApi(this RouteGroupBuilder api)
    {
        api.MapGet("/symbols", GetSymbols)
            .WithName("GetSymbols").WithSummary("The 15 symbols and whether the caller may read them").WithTags("Catalogue");
        api.MapGet("/timeframes", GetTimeframes)
            .WithName("GetTimeframes").WithSummary("The 9 timeframes and whether the caller may read them").WithTags("Catalogue");
        api.MapGet("/indicators/catalogue", GetIndicatorColumns)
            .WithName("GetIndicatorCatalogue")
            .WithSummary("The indicator columns of a bar (name, kind json or number, PRO only) and whether the caller receives them filled")
            .WithTags("Catalogue");
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

    public static Ok<IndicatorsBody> GetIndicatorColumns(HttpContext context)
    {
        var tier = CallerTier.Of(context.User);
        return TypedResults.Ok(new IndicatorsBody(true, CallerTier.Name(tier), [.. IndicatorCatalogue.Columns.Select(c =>
            new IndicatorAccess(c.Name, c.Kind == IndicatorKind.Json ? "json" : "number", c.ProOnly, TierAccess.CanSeeIndicator(tier, c)))]));
    }

    internal sealed record SymbolsBody(bool Success, string Tier, IReadOnlyList<SymbolAccess> Symbols);

    internal sealed record SymbolAccess(string Symbol, bool Accessible);

    internal sealed record TimeframesBody(bool Success, string Tier, IReadOnlyList<TimeframeAccess> Timeframes);

    internal sealed record TimeframeAccess(string Timeframe, int Seconds, bool Accessible);

    internal sealed record IndicatorsBody(bool Success, string Tier, IReadOnlyList<IndicatorAccess> Indicators);

    /// <summary>One column: <c>accessible</c> false means the caller receives it empty (FREE and a PRO-only column).</summary>
    internal sealed record IndicatorAccess(string Name, string Kind, [property: JsonPropertyName("pro_only")] bool ProOnly, bool Accessible);
}
