using System.Globalization;
using System.Net;

namespace TradingAlerts.IntegrationTests.Infrastructure;

/// <summary>
/// The real silo (Program) on real Kestrel ports: the public one and the admin one (<c>OrleansDashboard:Port</c>, opened by
/// <c>Metrics:Enabled</c>), so tests see what each port answers; a request belongs to the admin port by the port it
/// arrived on, which the test server cannot show.
/// </summary>
public sealed class KestrelSilo : IAsyncDisposable
{
    private KestrelSilo(SiloFactory factory, HttpClient publicClient, HttpClient admin)
    {
        Factory = factory;
        Public = publicClient;
        Admin = admin;
    }

    public SiloFactory Factory { get; }

    public HttpClient Public { get; }

    public HttpClient Admin { get; }

    public static KestrelSilo Start(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var (publicPort, adminPort) = (TestEnvironment.FreePort(), TestEnvironment.FreePort());
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Metrics:Enabled"] = "true",
            ["OrleansDashboard:Port"] = adminPort.ToString(CultureInfo.InvariantCulture),
        };
        var factory = new SiloFactory(all);
        factory.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, publicPort);
            kestrel.Listen(IPAddress.Loopback, adminPort);
        });
        factory.StartServer();
        return new KestrelSilo(factory,
            new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{publicPort}"), Timeout = TimeSpan.FromSeconds(60) },
            new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}"), Timeout = TimeSpan.FromSeconds(60) });
    }

    public async ValueTask DisposeAsync()
    {
        Public.Dispose();
        Admin.Dispose();
        await Factory.DisposeAsync();
    }
}
