using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace TradingAlerts.IntegrationTests.Infrastructure;

/// <summary>
/// The real silo (Program) in the ASP.NET test host, on free Orleans ports so several can run at once.
/// Settings are host settings, visible to Program while it builds; <c>services</c> runs after Program's registrations.
/// </summary>
public sealed class SiloFactory(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Orleans:SiloPort", TestEnvironment.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", TestEnvironment.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", $"test-{Guid.NewGuid():N}");
        // Tests bring their own data: no demo collector writing into the source tree.
        builder.UseSetting("Demo:Enabled", "false");
        // The test host gives every caller one (null) address, so the tests would share one anonymous quota;
        // RateLimitTests turn the limits on with their own small quotas.
        builder.UseSetting("RateLimits:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>Starts the silo on real Kestrel at a free loopback port (not the test server) and returns its address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }
}
