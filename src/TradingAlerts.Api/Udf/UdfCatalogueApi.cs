using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Api.Endpoints;
using TradingAlerts.Api.Markets;

namespace TradingAlerts.Api.Udf;

/// <summary>
/// <c>GET /udf/config</c>, <c>/udf/symbols</c>, <c>/udf/search</c> and <c>/udf/time</c>: what the charting library's
/// UDF adapter asks before any bars, answered for the caller's tier (the resolutions and symbols it may read).
/// </summary>
internal static class UdfCatalogueApi
{
    public static RouteGroupBuilder MapUdfCatalogueApi(this RouteGroupBuilder udf)
    {
        udf.MapGet("/config", GetConfig).WithName("GetUdfConfig")
            .WithSummary("UDF datafeed configuration: the resolutions the caller may read, search on, marks and group requests off").WithTags("UDF");
        udf.MapGet("/symbols", GetSymbol).WithName("GetUdfSymbol")
            .WithSummary("UDF symbol info of one instrument: session and timezone on the broker's server clock, pricescale from its digits").WithTags("UDF");
        udf.MapGet("/search", Search).WithName("SearchUdfSymbols")
            .WithSummary("UDF symbol search over the instruments the caller may read").WithTags("UDF");
        udf.MapGet("/time", GetTime).WithName("GetUdfTime")
            .WithSummary("The server's time, unix seconds UTC as plain text").WithTags("UDF");
        return udf;
    }

    public static Ok<UdfConfigBody> GetConfig(HttpContext context)
    {
        var tier = CallerTier.Of(context.User);
        return TypedResults.Ok(new UdfConfigBody(UdfResolution.Readable(tier), SupportsGroupRequest: false, SupportsMarks: false,
            SupportsSearch: true, SupportsTimescaleMarks: false, SupportsTime: true,
            [new(string.Empty, "All Exchanges", string.Empty), new(UdfSymbols.Exchange, UdfSymbols.Exchange, "TradingAlerts Grid")],
            UdfSymbols.Types));
    }

    public static Results<Ok<UdfSymbolInfo>, UdfError> GetSymbol(HttpContext context, MarketCalendar markets,
        [Description("A ticker (EURUSD), a broker name (EURUSD.pro) or the full name (GRID:EURUSD).")] string? symbol)
    {
        if (!UdfSymbols.TryParse(symbol, out var known, out var error))
        {
            return UdfError.BadRequest(error);
        }

        var tier = CallerTier.Of(context.User);
        return TierAccess.CanAccessSymbol(tier, known)
            ? TypedResults.Ok(UdfSymbols.Info(markets.Of(known), tier, UdfClock.Of(markets)))
            : UdfError.UpgradeRequired($"{known} requires the PRO tier", CallerTier.Name(tier));
    }

    public static Results<Ok<List<UdfSearchResult>>, UdfError> Search(HttpContext context, MarketCalendar markets,
        [Description("Part of a symbol or its description, any case; empty lists all.")] string? query,
        [Description("A symbol type of /udf/config (forex, commodity, index, crypto); empty: all.")] string? type,
        [Description("An exchange of /udf/config (GRID); empty: all.")] string? exchange,
        [Description("At most this many rows, 1..100 (default 30).")] string? limit)
    {
        var rows = 30;
        if (!string.IsNullOrEmpty(limit) && (!limit.All(char.IsAsciiDigit) || !int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out rows) || rows < 1 || rows > 100))
        {
            return UdfError.BadRequest($"Invalid limit: {limit} (1..100)");
        }

        var tier = CallerTier.Of(context.User);
        var text = query?.Trim() ?? string.Empty;
        var found = markets.All
            .Where(i => TierAccess.CanAccessSymbol(tier, i.Symbol))
            .Where(i => string.IsNullOrEmpty(type) || UdfSymbols.TypeOf(i.Kind).Equals(type, StringComparison.OrdinalIgnoreCase))
            .Where(i => string.IsNullOrEmpty(exchange) || exchange.Equals(UdfSymbols.Exchange, StringComparison.OrdinalIgnoreCase))
            .Where(i => text.Length == 0 || UdfSymbols.Description(i).Contains(text, StringComparison.OrdinalIgnoreCase))
            .Take(rows)
            .Select(UdfSymbols.SearchResult);
        return TypedResults.Ok(found.ToList());
    }

    public static ContentHttpResult GetTime(TimeProvider clock) =>
        TypedResults.Text(clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), "text/plain");
}
