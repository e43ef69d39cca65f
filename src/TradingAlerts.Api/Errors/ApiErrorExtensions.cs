
namespace TradingAlerts.Api.Errors;

/// <summary>
/// How unhandled failures become the envelope, through the framework's exception handler: a request the framework
/// could not bind is a 400 (<see cref="BadRequestHandler"/>), a dependency that cannot answer a 503
/// (<see cref="DependencyFailureHandler"/>), anything else the 500 that leaks nothing. docs/api-errors.md lists them.
/// </summary>
internal static class ApiErrorExtensions
{
    public static WebApplicationBuilder AddGridApiErrors(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiErrorOptions>().BindConfiguration(ApiErrorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Binding failures throw in every environment (by default only in Development, and elsewhere an empty 400),
        // so the handler words one answer for both.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        builder.Services.AddExceptionHandler<DependencyFailureHandler>();
        return builder;
    }

    /// <summary>First in the pipeline: the handlers above in order, then the 500 for the rest.</summary>
    public static IApplicationBuilder UseGridApiErrors(this IApplicationBuilder app) => app.UseExceptionHandler(error => error.Run(context =>
        TypedResults.Json(new ApiErrorBody(ApiError.InternalError), statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context)));
}
