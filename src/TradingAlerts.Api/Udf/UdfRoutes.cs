using Microsoft.AspNetCore.Http.Metadata;
using TradingAlerts.Api.Errors;
using TradingAlerts.Api.Resilience;

namespace TradingAlerts.Api.Udf;

/// <summary>
/// The TradingView UDF datafeed under its own <c>/udf</c> group, so the charting library's UDFCompatibleDatafeed
/// points at a silo unchanged (docs/api.md "TradingView datafeed (UDF)"). Same token, tiers, rate limits and grid
/// retry as <c>/api</c>.
/// </summary>
internal static class UdfRoutes
{
    public static IEndpointRouteBuilder MapUdfEndpoints(this IEndpointRouteBuilder app)
    {
        var udf = app.MapGroup("/udf");
        udf.WithMetadata(
            new ProducesResponseTypeMetadata(StatusCodes.Status500InternalServerError, typeof(ApiErrorBody), ["application/json"]),
            new ProducesResponseTypeMetadata(StatusCodes.Status503ServiceUnavailable, typeof(ApiErrorBody), ["application/json"]));
        udf.AddEndpointFilter<GridRetryFilter>();
        udf.MapUdfCatalogueApi();
        udf.MapUdfHistoryApi();
        return app;
    }
}
