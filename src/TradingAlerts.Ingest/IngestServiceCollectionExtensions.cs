using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TradingAlerts.Ingest;

/// <summary>Registers the ingest agent, for a silo or for an Orleans client process.</summary>
public static class IngestServiceCollectionExtensions
{
    public static IServiceCollection AddIngestAgent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IngestMetrics>();
        services.TryAddSingleton<IngestStatus>();
        services.AddHostedService<IngestAgent>();
        services.AddHostedService<IngestStatusReporter>();
        return services;
    }
}
