using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TradingAlerts.Feeds.SyntheticCollector;

/// <summary>Registers the synthetic collector, kept apart from the host that runs it (the silo's demo).</summary>
public static class SyntheticCollectorServiceCollectionExtensions
{
    /// <summary>
    /// Runs the synthetic collector in process: at start it recreates the collector file at <paramref name="path"/>
    /// (absolute), then writes <see cref="SyntheticCollectorOptions.Days"/> of history and live cycles into it. Its
    /// options are bound from the <see cref="SyntheticCollectorOptions.Section"/> section of <paramref name="configuration"/>.
    /// </summary>
    public static IServiceCollection AddSyntheticCollector(this IServiceCollection services, IConfiguration configuration, string path)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SyntheticCollectorOptions>().Bind(configuration.GetSection(SyntheticCollectorOptions.Section));
        services.AddSingleton(new SyntheticCollectorFile(path));
        services.AddHostedService<SyntheticCollectorService>();
        return services;
    }
}
