using System.Net;
using System.Net.Http.Json;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>The development token endpoint exists only in the Development environment.</summary>
public class DevTokenTests
{
    [Fact]
    public async Task Outside_development_there_is_no_token_endpoint()
    {
        await using var factory = new SiloFactory(new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Auth:SigningKey"] = "production-test-key-0123456789-0123456789",
        });
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync(new Uri("/api/dev/token", UriKind.Relative), new { tier = "PRO" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Outside_development_a_silo_without_a_signing_key_or_authority_refuses_to_start()
    {
        await using var factory = new SiloFactory(new Dictionary<string, string?> { ["environment"] = "Production" });
        var ex = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());
        Assert.Equal("Auth:SigningKey must be set (at least 32 characters) unless Auth:Authority is", ex.Message);
    }
}
