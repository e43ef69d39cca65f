namespace TradingAlerts.Silo.Api;

/// <summary>The API's error envelope: <c>{"success":false,"error":"…"}</c> (plus tier fields on 403).</summary>
internal static class ApiError
{
    public static IResult BadRequest(string error) => TypedResults.Json(new { success = false, error }, statusCode: StatusCodes.Status400BadRequest);

    public static IResult UpgradeRequired(string error, string tier) =>
        TypedResults.Json(new { success = false, error, tier, upgrade_required = true }, statusCode: StatusCodes.Status403Forbidden);

    public static IResult Unauthorized(string error) => TypedResults.Json(new { success = false, error }, statusCode: StatusCodes.Status401Unauthorized);

    public static IResult TooManyRequests(string error) => TypedResults.Json(new { success = false, error }, statusCode: StatusCodes.Status429TooManyRequests);

    /// <summary>What any unhandled failure becomes: nothing internal is leaked.</summary>
    public const string InternalError = "Internal server error";
}
