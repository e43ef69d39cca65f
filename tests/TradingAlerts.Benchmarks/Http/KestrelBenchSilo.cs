using System.Globalization;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace TradingAlerts.Benchmarks.Http;

/// <summary>
/// The real silo (Program) on real Kestrel on a free loopback port, set up as every HTTP benchmark needs it: the
/// Development token endpoint for the PRO token, no demo collector or ingest, no quotas (wrk is one caller, quotas
/// would measure 429s), fresh Orleans ports and cluster. A benchmark adds its own settings and endpoints.
/// </summary>
internal abstract class KestrelBenchSilo : WebApplicationFactory<Program>
{
    public int Port { get; } = FreePort();

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>The benchmark's own settings and services, after the common ones.</summary>
    protected abstract void Configure(IWebHostBuilder builder);

    protected sealed override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not a test project, so no test manifest: the silo's folder is found from the solution file.
        builder.UseSolutionRelativeContentRoot(Path.Combine("src", "TradingAlerts.Silo"), "TradingAlerts.sln");
        builder.UseEnvironment("Development");
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Ingest:Enabled", "false");
        builder.UseSetting("RateLimits:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", $"bench-{Guid.NewGuid():N}");
        Configure(builder);
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
