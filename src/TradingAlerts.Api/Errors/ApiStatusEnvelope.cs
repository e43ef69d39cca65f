using Microsoft.AspNetCore.WebUtilities;

namespace TradingAlerts.Api.Errors;

/// <summary>
/// Errors the framework answers without a body under <c>/api</c> (no such route 404, wrong method 405, a Content-Type the endpoint does not read 415)
/// get the same envelope as the endpoints' own: <c>{"success":false,"error":"Not Found"}</c>.
/// </summary>
internal static class ApiStatusEnvelope
{
    /// <summary>A body whose Content-Type the endpoint does not read (routing answers 415 before the endpoint runs).</summary>
    public const string UnsupportedMediaType = "Unsupported Media Type: send the body as application/json";

    public static IApplicationBuilder UseApiStatusEnvelope(this IApplicationBuilder app) => app.UseStatusCodePages(context =>
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var error = status == StatusCodes.Status415UnsupportedMediaType ? UnsupportedMediaType : ReasonPhrases.GetReasonPhrase(status);
        return http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            ? TypedResults.Json(new ApiErrorBody(error), statusCode: status).ExecuteAsync(http)
            : Task.CompletedTask;
    });
}
