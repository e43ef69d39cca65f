using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;

namespace TradingAlerts.Silo.Api;

/// <summary>
/// 200 with a JSON body serialized ahead (the writers build it once per grain version and the response cache
/// keeps the bytes). Declares its status for the OpenAPI document, as the built-in typed results do; the shape of each
/// body is in the endpoint's description and the README.
/// </summary>
internal sealed class JsonBody(byte[] body) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Bytes(body, "application/json").ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(JsonElement), ["application/json"]));
}

/// <summary>304: the caller's <c>If-None-Match</c> names the current representation (the ETag header is already set).</summary>
internal sealed class NotModified : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public static readonly NotModified Instance = new();

    public int? StatusCode => StatusCodes.Status304NotModified;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status304NotModified;
        return Task.CompletedTask;
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
}

/// <summary>403 with the upgrade envelope: the caller's tier does not reach the resource (not an authentication failure).</summary>
internal sealed class UpgradeRequired(UpgradeRequiredBody body) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<UpgradeRequiredBody>, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status403Forbidden;

    public UpgradeRequiredBody Value => body;

    object? IValueHttpResult.Value => body;

    public Task ExecuteAsync(HttpContext httpContext) =>
        TypedResults.Json(body, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(UpgradeRequiredBody), ["application/json"]));
}
