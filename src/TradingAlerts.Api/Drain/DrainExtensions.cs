using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TradingAlerts.Api.Drain;

/// <summary>Registers drain before stop: the state, the lifecycle service that waits, and a host shutdown timeout that makes room for it.</summary>
internal static class DrainExtensions
{
    public static WebApplicationBuilder AddGridDrain(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DrainOptions>().BindConfiguration(DrainOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<DrainState>();
        builder.Services.AddHostedService<DrainService>();
        // The host's shutdown timeout bounds the whole stop: the drain comes on top of what the server and Orleans
        // get to finish requests and hand the grains over (Orleans:ShutdownTimeout).
        builder.Services.AddOptions<HostOptions>().PostConfigure<IOptions<DrainOptions>>((host, drain) => host.ShutdownTimeout += drain.Value.Delay);
        return builder;
    }
}
