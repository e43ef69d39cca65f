using Microsoft.AspNetCore.Http.Metadata;
using TradingAlerts.Api.Errors;
using TradingAlerts.Api.Resilience;

namespace TradingAlerts.Api.Endpoints;

/// <summary>
/// The API under one <c>/api</c> group. Each endpoint file is a static class with a <c>Map…</c> extension and
/// static handlers returning typed results, so the OpenAPI document lists every status each route answers.
/// </summary>
internal static class ApiRoutes
{
    public static IEndpointRouteBuilder MapGridEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        // Any failure becomes the envelope (the exception handler), whatever the route: 503 when a dependency could not answer.
        api.WithMetadata(
            new ProducesResponseTypeMetadata(StatusCodes.Status500InternalServerError, typeof(ApiErrorBody), ["application/json"]),
            new ProducesResponseTypeMetadata(StatusCodes.Status503ServiceUnavailable, typeof(ApiErrorBody), ["application/json"]));
        // A grain call that fails because a silo is stopping or just died is tried again before any answer.
        api.AddEndpointFilter<GridRetryFilter>();
        api.MapCatalogueApi();
        api.MapIndicatorsApi();
        api.MapWatchlistApi();
        api.MapConfluenceApi();
        api.MapStreamApi();
        return app;
    }
}
