namespace TradingAlerts.Api.Live;

/// <summary>Registration of the live streams.</summary>
internal static class LiveExtensions
{
    public static WebApplicationBuilder AddLiveStreams(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<LiveHub>();
        builder.Services.AddSingleton<StreamSlots>();
        return builder;
    }
}
