using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TradingAlerts.Api.Resilience;

/// <summary>The retry of grid reads (options and the shared pipeline); the API's route group applies <see cref="GridRetryFilter"/>.</summary>
internal static class GridRetryExtensions
{
    public static WebApplicationBuilder AddGridRetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GridRetryOptions>().BindConfiguration(GridRetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<GridRetry>();
        return builder;
    }
}
