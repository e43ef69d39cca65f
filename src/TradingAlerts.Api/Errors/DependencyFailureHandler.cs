using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace TradingAlerts.Api.Errors;

/// <summary>
/// A dependency that cannot answer (see <see cref="DependencyFailure"/>) is a 503 with <c>Retry-After</c> and the
/// envelope, logged as one warning line without a stack: an outage is an operational state, not a bug per request.
/// Anything else falls through to the 500 handler.
/// </summary>
internal sealed partial class DependencyFailureHandler(IOptions<ApiErrorOptions> options, ILogger<DependencyFailureHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (DependencyFailure.Of(exception) is not { } failure)
        {
            return false;
        }

        LogDependencyFailure(logger, httpContext.Request.Method, httpContext.Request.Path, failure.Message, failure.Cause.GetType().Name, failure.Cause.Message);
        httpContext.Response.Headers.RetryAfter = ((long)Math.Ceiling(options.Value.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await ApiError.ServiceUnavailable(failure.Message).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: 503, {Answer} ({CauseType}: {Cause})")]
    private static partial void LogDependencyFailure(ILogger logger, string method, PathString path, string answer, string causeType, string cause);
}
