using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using TradingAlerts.Client;

namespace TradingAlerts.IntegrationTests.Client;

/// <summary>The client package's settings reach the Orleans client it registers.</summary>
public sealed class ClientOptionsTests
{
    [Fact]
    public void Response_timeout_is_10_s_by_default_and_configurable()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), Messaging([]).ResponseTimeout);
        Assert.Equal(TimeSpan.FromSeconds(4), Messaging(new() { ["Client:ResponseTimeout"] = "00:00:04" }).ResponseTimeout);
    }

    [Fact]
    public void A_response_timeout_outside_its_range_is_refused()
    {
        var error = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => Messaging(new() { ["Client:ResponseTimeout"] = "00:00:00.1" }));
        Assert.Contains(nameof(TradingAlertsClientOptions.ResponseTimeout), error.Message, StringComparison.Ordinal);
    }

    private static ClientMessagingOptions Messaging(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTradingAlertsClient();
        // Built, not started: no cluster is needed to read the options.
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<ClientMessagingOptions>>().Value;
    }
}
