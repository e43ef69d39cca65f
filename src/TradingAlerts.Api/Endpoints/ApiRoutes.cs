using Microsoft.AspNetCore.Http.Metadata;
using TradingAlerts.Api.Errors;

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
        api.MapCatalogueApi();
        api.MapIndicatorsApi();
        api.MapConfluenceApi();
        api.MapStreamApi();
        return app;
    }
}
