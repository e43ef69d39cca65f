using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using TradingAlerts.Api.Caching;
using TradingAlerts.Api.Errors;

namespace TradingAlerts.Api.Endpoints;

/// <summary>
/// 200 with a JSON body serialized ahead (the writers build it once per grain version and the response cache
/// keeps the bytes), or a slice of a cached indicators body for a limit. Declares its status for the OpenAPI document,
/// as the built-in typed results do, with <typeparamref name="TWire"/> as the body's schema: a record of the shape the
/// hand-written writer emits (OpenApi/Wire), never serialized itself.
/// </summary>
internal sealed class JsonBody<TWire> : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    private readonly byte[]? _body;
    private readonly CachedIndicators? _indicators;
    private readonly int _limit;

    public JsonBody(byte[] body) => _body = body;

    public JsonBody(CachedIndicators body, int limit)
    {
        _indicators = body;
        _limit = limit;
    }

    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext) => _indicators is null
        ? TypedResults.Bytes(_body!, "application/json").ExecuteAsync(httpContext)
        : WriteSliceAsync(httpContext, _indicators, _limit);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TWire), ["application/json"]));

    /// <summary>The headers <see cref="TypedResults.Bytes(byte[], string?, string?, bool, DateTimeOffset?, Microsoft.Net.Http.Headers.EntityTagHeaderValue?)"/> sets, then the slice straight from the cached body.</summary>
    private static Task WriteSliceAsync(HttpContext context, CachedIndicators body, int limit)
    {
        var segments = body.Segments(limit);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = segments.Sum(s => (long)s.Length);
        return CachedIndicators.WriteAsync(response.Body, segments, context.RequestAborted);
    }
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
