using System.Globalization;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace TradingAlerts.Benchmarks.Http;

/// <summary>
/// The real silo (Program, embedded mode) on real Kestrel, plus the baselines mounted under /bench in the
/// same process, so wrk measures the grid and the seed's paths with the same server, runtime and machine.
/// </summary>
internal sealed class BenchSilo(Baselines baselines) : WebApplicationFactory<Program>
{
    public int Port { get; } = FreePort();

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not a test project, so no test manifest: the silo's folder is found from the solution file.
        builder.UseSolutionRelativeContentRoot(Path.Combine("src", "TradingAlerts.Silo"), "TradingAlerts.sln");
        builder.UseEnvironment("Development"); // the development token endpoint mints the PRO token
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Ingest:Enabled", "false");
        builder.UseSetting("RateLimits:Enabled", "false"); // wrk is one caller: quotas would measure 429s
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", $"bench-{Guid.NewGuid():N}");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new BaselineEndpoints(baselines)));
    }

    public void Start()
    {
        UseKestrel(Port);
        StartServer();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
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
