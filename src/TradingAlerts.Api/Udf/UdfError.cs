using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Metadata;

namespace TradingAlerts.Api.Udf;

/// <summary>
/// A UDF error in both dialects at once: the API's envelope (<c>success</c>, <c>error</c>) and the protocol's
/// (<c>s: "error"</c>, <c>errmsg</c>), so the charting library's adapter shows <c>errmsg</c> whatever the status, and an
/// API client reads the envelope it knows.
/// </summary>
internal record UdfErrorBody([property: JsonPropertyOrder(1)] string Error)
{
    [JsonPropertyOrder(0)]
    public bool Success { get; }

    [JsonPropertyOrder(2), JsonPropertyName("s")]
    public string Status { get; } = "error";

    [JsonPropertyOrder(3), JsonPropertyName("errmsg")]
    public string ErrorMessage => Error;
}

/// <summary>403: the caller's tier does not reach the pair; with the API's upgrade fields.</summary>
internal sealed record UdfUpgradeRequiredBody(string Error, [property: JsonPropertyOrder(4)] string Tier) : UdfErrorBody(Error)
{
    [JsonPropertyOrder(5), JsonPropertyName("upgrade_required")]
    public bool UpgradeRequired { get; } = true;
}

/// <summary>A UDF error as a typed result with its status, declared for the OpenAPI document.</summary>
internal sealed class UdfError : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    private readonly UdfErrorBody _body;

    private UdfError(int status, UdfErrorBody body)
    {
        StatusCode = status;
        _body = body;
    }

    public int? StatusCode { get; }

    public UdfErrorBody Body => _body;

    public static UdfError BadRequest(string error) => new(StatusCodes.Status400BadRequest, new UdfErrorBody(error));

    public static UdfError UpgradeRequired(string error, string tier) => new(StatusCodes.Status403Forbidden, new UdfUpgradeRequiredBody(error, tier));

    public Task ExecuteAsync(HttpContext httpContext) =>
        _body is UdfUpgradeRequiredBody upgrade
            ? TypedResults.Json(upgrade, statusCode: StatusCode).ExecuteAsync(httpContext)
            : TypedResults.Json(_body, statusCode: StatusCode).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(UdfErrorBody), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(UdfUpgradeRequiredBody), ["application/json"]));
    }
}
