namespace TradingAlerts.Api.Resilience;

/// <summary>The options of the retry of grid reads; the API's route group applies <see cref="GridRetryFilter"/>.</summary>
internal static class GridRetryExtensions
{
    public static WebApplicationBuilder AddGridRetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GridRetryOptions>().BindConfiguration(GridRetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}
