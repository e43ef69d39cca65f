using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using TradingAlerts.Api.Endpoints;

namespace TradingAlerts.Api.Errors;

/// <summary>The API's error envelope: <c>{"success":false,"error":"…"}</c>.</summary>
internal sealed record ApiErrorBody([property: JsonPropertyOrder(1)] string Error)
{
    [JsonPropertyOrder(0)]
    public bool Success { get; }
}

/// <summary>The 403 envelope: <c>{"success":false,"error":"…","tier":"FREE","upgrade_required":true}</c>.</summary>
internal sealed record UpgradeRequiredBody([property: JsonPropertyOrder(1)] string Error, [property: JsonPropertyOrder(2)] string Tier)
{
    [JsonPropertyOrder(0)]
    public bool Success { get; }

    [JsonPropertyOrder(3), JsonPropertyName("upgrade_required")]
    public bool UpgradeRequired { get; } = true;
}

/// <summary>The envelopes as results, for the endpoints, the filters and the middleware that answer errors under <c>/api</c>.</summary>
internal static class ApiError
{
    public static BadRequest<ApiErrorBody> BadRequest(string error) => TypedResults.BadRequest(new ApiErrorBody(error));

    public static NotFound<ApiErrorBody> NotFound(string error) => TypedResults.NotFound(new ApiErrorBody(error));

    public static UpgradeRequired UpgradeRequired(string error, string tier) => new(new UpgradeRequiredBody(error, tier));

    public static IResult Unauthorized(string error) => TypedResults.Json(new ApiErrorBody(error), statusCode: StatusCodes.Status401Unauthorized);

    public static IResult TooManyRequests(string error) => TypedResults.Json(new ApiErrorBody(error), statusCode: StatusCodes.Status429TooManyRequests);

    /// <summary>503: a dependency (PostgreSQL, the grid) could not answer; the caller sets <c>Retry-After</c>.</summary>
    public static IResult ServiceUnavailable(string error) => TypedResults.Json(new ApiErrorBody(error), statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>What any unhandled failure becomes: nothing internal is leaked.</summary>
    public const string InternalError = "Internal server error";
}
