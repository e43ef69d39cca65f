using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Api.Markets;

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
            .WithName("GetSymbols")
            .WithSummary("The 15 instruments: kind, price digits, weekly sessions on the bars' clock, whether the market is open now, and whether the caller may read them")
            .WithTags("Catalogue");
        api.MapGet("/timeframes", GetTimeframes)
            .WithName("GetTimeframes").WithSummary("The 9 timeframes and whether the caller may read them").WithTags("Catalogue");
        api.MapGet("/indicators/catalogue", GetIndicatorColumns)
            .WithName("GetIndicatorCatalogue")
            .WithSummary("The indicator columns of a bar (name, kind json or number, PRO only) and whether the caller receives them filled")
            .WithTags("Catalogue");
        return api;
    }

    public static Ok<SymbolsBody> GetSymbols(HttpContext context, MarketCalendar markets, TimeProvider clock)
    {
        var tier = CallerTier.Of(context.User);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new SymbolsBody(true, CallerTier.Name(tier), markets.Zone.Id,
            [.. markets.All.Select(i => new SymbolAccess(i.Symbol, TierAccess.CanAccessSymbol(tier, i.Symbol), i.Kind.Name(), i.Digits,
                [.. i.Sessions.Select(s => s.ToString())], markets.IsOpen(i.Symbol, now) ? "open" : "closed"))]));
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

    /// <param name="ServerTimeZone">The bars' clock (broker server time) the sessions are written on.</param>
    internal sealed record SymbolsBody(bool Success, string Tier, [property: JsonPropertyName("server_time_zone")] string ServerTimeZone, IReadOnlyList<SymbolAccess> Symbols);

    /// <summary>One instrument: kind fx, metal, index or crypto; sessions weekly windows such as "Mon 00:00-Sat 00:00"; market open or closed now.</summary>
    internal sealed record SymbolAccess(string Symbol, bool Accessible, string Kind, int Digits, IReadOnlyList<string> Sessions, string Market);

    internal sealed record TimeframesBody(bool Success, string Tier, IReadOnlyList<TimeframeAccess> Timeframes);

    internal sealed record TimeframeAccess(string Timeframe, int Seconds, bool Accessible);

    internal sealed record IndicatorsBody(bool Success, string Tier, IReadOnlyList<IndicatorAccess> Indicators);

    /// <summary>One column: <c>accessible</c> false means the caller receives it empty (FREE and a PRO-only column).</summary>
    internal sealed record IndicatorAccess(string Name, string Kind, [property: JsonPropertyName("pro_only")] bool ProOnly, bool Accessible);
}
