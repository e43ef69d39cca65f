using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Api.Auth;

namespace TradingAlerts.IntegrationTests.Security;

/// <summary>
/// Outside Development the silo refuses to start without a signing key or with one this repository publishes, and
/// every token must carry the configured issuer and audience.
/// </summary>
public sealed class SigningKeyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string ProductionKey = "a-production-test-key-9c1f7e0b4d2a6835-0123456789";

    [Fact]
    public async Task A_production_silo_process_without_a_key_exits_with_the_reason()
    {
        using var silo = SiloProcess.Start("silo-without-key", new SiloProcessOptions { Environment = "Production", Demo = false });

        await Eventually.UntilAsync("the silo without a key to exit", () => silo.HasExited, TimeSpan.FromSeconds(60),
            detail: () => Task.FromResult(silo.Tail()), cancellationToken: Ct);
        await silo.Process.WaitForExitAsync(Ct); // its last lines are read
        Assert.NotEmpty(silo.Matching(SigningKeyPolicy.MissingKey));
        Assert.Contains("exited", silo.Tail(1), StringComparison.Ordinal);
        Assert.DoesNotContain(" exited 0)", silo.Tail(1), StringComparison.Ordinal);
    }

    /// <summary>The key of appsettings.Development.json (read from the file) and the compose file's former placeholder.</summary>
    public static TheoryData<string> PublishedKeys()
    {
        using var development = JsonDocument.Parse(File.ReadAllText(Path.Combine(BuiltProgram.ProjectFolder("TradingAlerts.Silo"), "appsettings.Development.json")));
        return [development.RootElement.GetProperty("Auth").GetProperty("SigningKey").GetString()!, "dev-only-signing-key-change-me-0123456789"];
    }

    [Theory]
    [MemberData(nameof(PublishedKeys))]
    public async Task Outside_development_a_published_development_key_is_refused(string key)
    {
        await using var factory = new SiloFactory(new Dictionary<string, string?> { ["environment"] = "Production", ["Auth:SigningKey"] = key });
        var ex = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());
        Assert.StartsWith("Auth:SigningKey is a published development key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_must_carry_the_configured_issuer_and_audience()
    {
        await using var factory = new SiloFactory(new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Auth:SigningKey"] = ProductionKey,
            ["Auth:Issuer"] = "https://login.example.test",
            ["Auth:Audience"] = "tradingalerts-test-api",
        });
        using var http = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await Status(http, Token("https://login.example.test", "tradingalerts-test-api")));
        Assert.Equal(HttpStatusCode.Unauthorized, await Status(http, Token("https://elsewhere.example.test", "tradingalerts-test-api")));
        Assert.Equal(HttpStatusCode.Unauthorized, await Status(http, Token("https://login.example.test", "another-api")));
        Assert.Equal(HttpStatusCode.Unauthorized, await Status(http, Token("https://login.example.test", null)));
    }

    [Fact]
    public async Task Unconfigured_production_silos_expect_the_documented_issuer_and_audience()
    {
        await using var factory = new SiloFactory(new Dictionary<string, string?> { ["environment"] = "Production", ["Auth:SigningKey"] = ProductionKey });
        using var http = factory.CreateClient();
        var defaults = new AuthOptions();

        Assert.Equal(HttpStatusCode.OK, await Status(http, Token(defaults.Issuer, defaults.Audience)));
        // The development issuer and audience are not this deployment's.
        Assert.Equal(HttpStatusCode.Unauthorized, await Status(http, Token("tradingalerts-dev", "tradingalerts-dev")));
    }

    /// <summary>A PRO-only pair: 200 only for a token the silo accepted (an invalid one is 401, none 403).</summary>
    private static async Task<HttpStatusCode> Status(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/indicators/GBPUSD/M5?limit=1", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static string Token(string issuer, string? audience) =>
        new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(issuer, audience, [new Claim("sub", "alice"), new Claim("tier", "PRO")],
            expires: DateTime.UtcNow.AddHours(1),
            signingCredentials: new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ProductionKey)), SecurityAlgorithms.HmacSha256)));
}
