using Microsoft.AspNetCore.WebUtilities;

namespace TradingAlerts.Silo.Api;

/// <summary>
/// Errors the framework answers without a body under <c>/api</c> (no such route 404, wrong method 405)
/// get the same envelope as the endpoints' own: <c>{"success":false,"error":"Not Found"}</c>.
/// </summary>
internal static class ApiStatusEnvelope
{
    public static IApplicationBuilder UseApiStatusEnvelope(this IApplicationBuilder app) => app.UseStatusCodePages(context =>
    {
        var http = context.HttpContext;
        return http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            ? TypedResults.Json(new ApiErrorBody(ReasonPhrases.GetReasonPhrase(http.Response.StatusCode)), statusCode: http.Response.StatusCode).ExecuteAsync(http)
            : Task.CompletedTask;
    });
}
