using System.Net;
using Orleans;
using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Hosting;

/// <summary>The silo as the README runs it: embedded, no services needed.</summary>
public class SiloHostTests
{
    [Fact]
    public async Task Embedded_silo_starts_and_answers_healthz()
    {
        await using var factory = new SiloFactory();
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        // The Orleans silo is really up inside the host: its grain factory resolves.
        Assert.NotNull(factory.Services.GetRequiredService<IGrainFactory>());
    }
}
