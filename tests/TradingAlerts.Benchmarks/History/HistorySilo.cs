using System.Globalization;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace TradingAlerts.Benchmarks.History;

/// <summary>
/// The real silo on PostgreSQL (write-through, ADO.NET clustering) on real Kestrel, with a small in-memory window
/// (<c>Grid:BarCapacity</c>) so older bars are served from the store, and the raw-SELECT baseline mounted under
/// /bench behind the same pipeline, reading over the silo's own NpgsqlDataSource (the same connection pool).
/// </summary>
internal sealed class HistorySilo(string connectionString, int barCapacity, Func<NpgsqlDataSource, HttpContext, Task> rawSelect) : WebApplicationFactory<Program>
{
    public int Port { get; } = FreePort();

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot(Path.Combine("src", "TradingAlerts.Silo"), "TradingAlerts.sln");
        builder.UseEnvironment("Development"); // the development token endpoint mints the PRO token
        builder.UseSetting("ConnectionStrings:Postgres", connectionString);
        builder.UseSetting("Orleans:AdvertisedIP", "127.0.0.1");
        builder.UseSetting("Grid:BarCapacity", barCapacity.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Ingest:Enabled", "false");
        builder.UseSetting("RateLimits:Enabled", "false"); // wrk is one caller: quotas would measure 429s
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", $"bench-{Guid.NewGuid():N}");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RawSelectEndpoint(rawSelect)));
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

    /// <summary>After the silo's pipeline (compression, JWT, authorization), as the API's own requests pass it.</summary>
    private sealed class RawSelectEndpoint(Func<NpgsqlDataSource, HttpContext, Task> rawSelect) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            var pool = app.ApplicationServices.GetRequiredService<NpgsqlDataSource>();
            app.Map("/bench/raw-select", b => b.Run(context => rawSelect(pool, context)));
        };
    }
}
