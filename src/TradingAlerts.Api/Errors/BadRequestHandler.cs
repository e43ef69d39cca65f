using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;

namespace TradingAlerts.Api.Errors;

/// <summary>
/// A request the framework could not bind (<see cref="BadHttpRequestException"/>: malformed or mistyped JSON, an empty
/// body) is the caller's fault: a 400 with the envelope saying what was wrong, never a 500 with a stack in the log. A
/// body that is not JSON keeps the framework's 415, and Kestrel's own body errors (413 too large, 408 too slow) their
/// status, all with the envelope.
/// </summary>
internal sealed partial class BadRequestHandler(ILogger<BadRequestHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var (status, error) = Describe(httpContext, bad);
        LogBadRequest(logger, httpContext.Request.Method, httpContext.Request.Path, status, bad.Message);
        await TypedResults.Json(new ApiErrorBody(error), statusCode: status).ExecuteAsync(httpContext);
        return true;
    }

    private static (int Status, string Error) Describe(HttpContext context, BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            return (StatusCodes.Status400BadRequest, $"Invalid request body: malformed JSON or a value of the wrong type at {json.Path ?? "$"}");
        }

        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            // The status routing answers for a Content-Type the endpoint does not accept (ApiStatusEnvelope words it the same).
            return (bad.StatusCode, ApiStatusEnvelope.UnsupportedMediaType);
        }

        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            return (bad.StatusCode, ReasonPhrases.GetReasonPhrase(bad.StatusCode)); // Kestrel's own: 413 too large, 408 too slow
        }

        // Empty, or JSON null: the endpoint wanted an object. Any other binding failure names nothing internal.
        // (The handler runs with the endpoint cleared; the feature keeps the one that threw.)
        return context.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<IAcceptsMetadata>() is not null
            ? (StatusCodes.Status400BadRequest, "Invalid request body: a JSON object is required")
            : (StatusCodes.Status400BadRequest, "Bad Request");
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path}: {Status}, the request could not be bound: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, string method, PathString path, int status, string reason);
}
