using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Api.Caching;
using TradingAlerts.Api.Endpoints;
using TradingAlerts.Api.Errors;

namespace TradingAlerts.Api.RateLimits;

/// <summary>
/// The global limiter of ASP.NET Core's rate-limiting middleware: /api requests are counted by the
/// caller's <see cref="IRateLimitGrain"/> (one call per request), everything else passes untouched.
/// Partitioned by the caller itself rather than through <c>PartitionedRateLimiter.Create</c>: the
/// state lives in the grain, so a per-partition limiter cache would hold nothing but grows with every
/// client address; and the HttpContext is at hand to add the X-RateLimit headers.
/// </summary>
internal sealed partial class GrainRateLimiter(IGrainFactory grains, IOptions<RateLimitOptions> options, ILogger<GrainRateLimiter> logger)
    : PartitionedRateLimiter<HttpContext>
{
    private static readonly PathString Api = "/api";
    private static readonly PathString Udf = "/udf";
    private readonly RateLimitOptions _options = options.Value;

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    /// <summary>
    /// The middleware tries this synchronous path first. Uncounted requests pass here; counted ones are
    /// refused here so that the middleware awaits <see cref="AcquireAsyncCore"/>, as a grain call can't
    /// be made without blocking a thread.
    /// </summary>
    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        permitCount == 0 || !IsCounted(resource) ? Lease.Acquired : Lease.Deferred;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount == 0 || !IsCounted(resource))
        {
            return Lease.Acquired;
        }

        var tier = CallerTier.Of(resource.User);
        var limit = _options.LimitFor(tier);
        var partition = Partition(resource);
        RateLimitDecision decision;
        try
        {
            decision = await grains.GetGrain<IRateLimitGrain>(partition).TryAcquire(limit, _options.Window);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The quota protects the API; it must not take it down: a cluster that can't answer lets the request through.
            LogCheckFailed(logger, ex, partition);
            return Lease.Acquired;
        }

        var headers = resource.Response.Headers;
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        return decision.Allowed
            ? Lease.Acquired
            : new Lease(false, decision.RetryAfter, $"Rate limit exceeded: {limit} requests per {Describe(_options.Window)} for {CallerTier.Name(tier)}");
    }

    /// <summary>Only the API and its UDF datafeed are limited: health, docs, OpenAPI and static files are not, nor CORS preflights.</summary>
    private static bool IsCounted(HttpContext context) =>
        (context.Request.Path.StartsWithSegments(Api, StringComparison.OrdinalIgnoreCase) || context.Request.Path.StartsWithSegments(Udf, StringComparison.OrdinalIgnoreCase))
        && !HttpMethods.IsOptions(context.Request.Method);

    /// <summary>The token's subject when there is one (whatever its tier), else the client address (IPv6: its /64).</summary>
    private static string Partition(HttpContext context) => CallerKey.Of(context);

    private static string Describe(TimeSpan window) => window == TimeSpan.FromHours(1) ? "hour"
        : window.TotalSeconds % 60 == 0 ? $"{window.TotalMinutes:0} min" : $"{window.TotalSeconds:0.###} s";

    [LoggerMessage(LogLevel.Warning, "Rate limit check for {Partition} failed; the request is let through")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string partition);

    /// <summary>A lease holds nothing to release (slots come back as the window slides), so one instance serves every acquired request.</summary>
    private sealed class Lease(bool acquired, TimeSpan? retryAfter = null, string? reason = null) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true);

        /// <summary>Not decided yet: the synchronous attempt hands over to the asynchronous one.</summary>
        public static readonly Lease Deferred = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            retryAfter is null ? [] : [MetadataName.RetryAfter.Name, MetadataName.ReasonPhrase.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter
                : metadataName == MetadataName.ReasonPhrase.Name ? reason
                : null;
            return metadata is not null;
        }
    }
}
