using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace TradingAlerts.Benchmarks.Http;

/// <summary>
/// The real silo (Program, embedded mode) on real Kestrel, plus the baselines mounted under /bench in the
/// same process, so wrk measures the grid and the seed's paths with the same server, runtime and machine.
/// </summary>
internal sealed class BenchSilo(Baselines baselines) : KestrelBenchSilo
{
    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new BaselineEndpoints(baselines)));
}

/// <summary>
/// Mounts the baselines behind the silo's whole pipeline: a /bench request matches no endpoint, passes the
/// same middleware as an API request (compression, JWT validation, authorization) and falls through to
/// them, so every target pays the same per-request overhead and only the read path differs.
/// </summary>
internal sealed class BaselineEndpoints(Baselines baselines) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Map("/bench/seed-read", b => b.Run(baselines.SeedReadAsync));
        app.Map("/bench/seed-cache", b => b.Run(baselines.SeedCacheAsync));
        app.Map("/bench/static", b => b.Run(baselines.StaticAsync));
        app.Map("/bench/seed-confluence", b => b.Run(baselines.SeedConfluenceAsync));
    };
}
