using TradingAlerts.Api;
using TradingAlerts.Feeds.SyntheticCollector;
using TradingAlerts.Ingest;

namespace TradingAlerts.Silo.Hosting;

/// <summary>
/// The ingest agent tailing the collector files, and the demo switch: with no collector file configured (or
/// <c>Demo:Enabled</c>), the synthetic collector of the development tools writes one, so the embedded run has data.
/// </summary>
internal static class IngestConfiguration
{
    public static WebApplicationBuilder AddGridIngest(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // Whether the demo collector is registered at all depends on them.
        var demo = configuration.ReadAtBuildTime<SyntheticCollectorOptions>(SyntheticCollectorOptions.Section);
        var configuredFiles = configuration.ReadAtBuildTime<IngestOptions>(IngestOptions.Section).SqlitePaths;
        var demoEnabled = demo.Enabled ?? configuredFiles.All(string.IsNullOrWhiteSpace);
        if (demoEnabled)
        {
            var path = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, demo.SqlitePath));
            builder.Services.AddSyntheticCollector(configuration, path);
            builder.Services.PostConfigure<IngestOptions>(o =>
            {
                if (!o.SqlitePaths.Contains(path))
                {
                    o.SqlitePaths.Add(path);
                }
            });
        }

        builder.Services.AddIngestAgent(configuration);
        return builder;
    }
}
