using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TradingAlerts.Api.Caching;

internal static class ResponseCacheExtensions
{
    /// <summary>The response cache, its budget (validated at start) and its memory-pressure check.</summary>
    public static WebApplicationBuilder AddResponseCache(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ResponseCacheOptions>().BindConfiguration(ResponseCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ResponseCache>();
        builder.Services.AddHostedService<ResponseCachePressure>();
        return builder;
    }
}
