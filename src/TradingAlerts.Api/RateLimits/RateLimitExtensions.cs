using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using TradingAlerts.Api.Caching;
using TradingAlerts.Api.Endpoints;
using TradingAlerts.Api.Errors;

namespace TradingAlerts.Api.RateLimits;

/// <summary>Per-caller quotas on /api through ASP.NET Core's rate-limiting middleware, counted by grains.</summary>
internal static class RateLimitExtensions
{
    /// <summary>Registers the limiter unless <c>RateLimits:Enabled</c> is false.</summary>
    public static WebApplicationBuilder AddGridRateLimits(this WebApplicationBuilder builder)
    {
        if (!RateLimitOptions.IsEnabled(builder.Configuration))
        {
            return builder;
        }

        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<GrainRateLimiter>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<GrainRateLimiter>((options, limiter) =>
        {
            options.GlobalLimiter = limiter;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = OnRejected;
        });
        return builder;
    }

    /// <summary>Adds the middleware (after authentication: the caller is the token's subject) unless disabled.</summary>
    public static WebApplication UseGridRateLimits(this WebApplication app)
    {
        if (RateLimitOptions.IsEnabled(app.Configuration))
        {
            app.UseRateLimiter();
        }

        return app;
    }

    /// <summary>429 with Retry-After in whole seconds (rounded up: retrying then finds the slot free) and the API's envelope.</summary>
    private static ValueTask OnRejected(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var error = rejected.Lease.TryGetMetadata(MetadataName.ReasonPhrase, out var reason) ? reason! : "Rate limit exceeded";
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return new ValueTask(ApiError.TooManyRequests(error).ExecuteAsync(context));
    }
}
