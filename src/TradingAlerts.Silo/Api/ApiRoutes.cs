using Microsoft.AspNetCore.Http.Metadata;

namespace TradingAlerts.Silo.Api;

/// <summary>
/// The API under one <c>/api</c> group. Each endpoint file is a static class with a <c>Map…</c> extension and
/// static handlers returning typed results, so the OpenAPI document lists every status each route answers.
/// </summary>
internal static class ApiRoutes
{
    public static IEndpointRouteBuilder MapGridApi(this IEndpointRouteBuilder app)
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
