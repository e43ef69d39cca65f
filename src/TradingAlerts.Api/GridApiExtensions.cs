using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TradingAlerts.Api.Admin;
using TradingAlerts.Api.Auth;
using TradingAlerts.Api.Caching;
using TradingAlerts.Api.Dashboard;
using TradingAlerts.Api.Drain;
using TradingAlerts.Api.Endpoints;
using TradingAlerts.Api.Errors;
using TradingAlerts.Api.Health;
using TradingAlerts.Api.Live;
using TradingAlerts.Api.Markets;
using TradingAlerts.Api.Observability;
using TradingAlerts.Api.OpenApi;
using TradingAlerts.Api.RateLimits;
using TradingAlerts.Api.Resilience;
using TradingAlerts.Api.Udf;

namespace TradingAlerts.Api;

/// <summary>
/// The HTTP edge of a silo in two calls: <see cref="AddGridApi"/> registers every feature (each a folder of this
/// project with its options, registration and endpoints), <see cref="MapGridApi"/> builds the pipeline in the order
/// the features need (errors first, then metrics, compression, authentication, rate limits, endpoints, pages).
/// </summary>
public static class GridApiExtensions
{
    public static WebApplicationBuilder AddGridApi(this WebApplicationBuilder builder, GridTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        builder.Services.TryAddSingleton(topology);

        // Whether the Orleans dashboard is on decides whether the admin credential must be configured.
        var dashboard = builder.Configuration.ReadAtBuildTime<AdminDashboardOptions>(AdminDashboardOptions.Section);
        builder.Services.AddOptions<AdminDashboardOptions>().BindConfiguration(AdminDashboardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.AddAdminPort();
        builder.Services.AddAdminCredential(required: dashboard.Enabled);

        builder.AddGridApiErrors();
        builder.AddGridAuth();
        builder.AddGridRateLimits();
        builder.AddResponseCache();
        builder.Services.AddOptions<HistoryOptions>().BindConfiguration(HistoryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<WatchlistOptions>().BindConfiguration(WatchlistOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.AddGridDrain();
        builder.AddGridRetry();
        builder.AddGridMarkets();
        builder.AddGridHealth(topology);
        builder.AddGridObservability();
        builder.AddGridOpenApi();
        builder.AddLiveStreams();
        builder.Services.AddResponseCompression(options =>
        {
            // Bars with indicators are megabytes of JSON; compression is by Accept-Encoding (br, gzip).
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return builder;
    }

    public static WebApplication MapGridApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseGridApiErrors();
        app.UseGridMetrics();
        app.UseApiStatusEnvelope();
        app.UseResponseCompression();
        app.UseAuthentication();
        app.UseRejectInvalidTokens();
        app.UseAuthorization();
        app.UseGridRateLimits();

        app.MapGridHealth();
        app.MapGridOpenApi();
        app.MapHealthApi();
        app.MapGridEndpoints();
        app.MapUdfEndpoints();
        app.UseDashboardPages();
        app.MapDevTokenApi(app.Environment, app.Services.GetRequiredService<IOptions<AuthOptions>>().Value);
        return app;
    }
}
