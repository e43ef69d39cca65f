using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Security;

/// <summary>The real silo on real Kestrel ports: an API port and the admin port with the Orleans dashboard.</summary>
public sealed class AdminPortSilo : IAsyncLifetime
{
    public const string Password = "admin-test-password-7f3a9c2e";

    public int ApiPort { get; } = TestEnvironment.FreePort();

    public int AdminPort { get; } = TestEnvironment.FreePort();

    public SiloFactory Factory { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Factory = new SiloFactory(new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{ApiPort}",
            ["OrleansDashboard:Enabled"] = "true",
            ["OrleansDashboard:Port"] = AdminPort.ToString(CultureInfo.InvariantCulture),
            ["Admin:Password"] = Password,
        });
        Factory.UseKestrel();
        Factory.StartServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// "Admin port only" is the port the connection arrived on, not the Host header, and the admin port asks for the
/// admin credential. Plain HttpClients on real sockets: the test server would have no ports to tell apart.
/// </summary>
public sealed class AdminPortTests(AdminPortSilo silo) : IClassFixture<AdminPortSilo>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/DashboardCounters")]
    [InlineData("/version")]
    [InlineData("/index.min.js")]
    public async Task The_public_port_never_serves_the_dashboard_even_with_the_admin_port_in_the_host_header(string path)
    {
        using var http = new HttpClient();
        using var forged = Request(silo.ApiPort, path);
        forged.Headers.Host = $"localhost:{silo.AdminPort}";
        using var response = await http.SendAsync(forged, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        // Not even with the admin credential: the public port takes only bearer tokens, so it is refused as one.
        using var withCredential = Request(silo.ApiPort, path, basic: AdminPortSilo.Password);
        withCredential.Headers.Host = $"localhost:{silo.AdminPort}";
        using var refused = await http.SendAsync(withCredential, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Invalid token", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_root_stays_the_web_dashboard_with_a_forged_host_header()
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var forged = Request(silo.ApiPort, "/");
        forged.Headers.Host = $"localhost:{silo.AdminPort}";
        using var response = await http.SendAsync(forged, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/chart/EURUSD/H1", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-password-at-all")]
    public async Task The_admin_port_without_the_credential_is_401_with_a_basic_challenge(string? password)
    {
        using var http = new HttpClient();
        foreach (var path in new[] { "/", "/DashboardCounters" })
        {
            using var response = await http.SendAsync(Request(silo.AdminPort, path, password), Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        }
    }

    [Fact]
    public async Task The_admin_port_with_the_credential_serves_the_dashboard()
    {
        using var http = new HttpClient();
        using var page = await http.SendAsync(Request(silo.AdminPort, "/", AdminPortSilo.Password), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Orleans", await page.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);

        using var counters = await http.SendAsync(Request(silo.AdminPort, "/DashboardCounters", AdminPortSilo.Password), Ct);
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
    }

    [Fact]
    public async Task An_enabled_dashboard_without_an_admin_password_refuses_to_start()
    {
        await using var factory = new SiloFactory(new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{TestEnvironment.FreePort()}",
            ["OrleansDashboard:Enabled"] = "true",
            ["OrleansDashboard:Port"] = TestEnvironment.FreePort().ToString(CultureInfo.InvariantCulture),
        });
        factory.UseKestrel();
        var ex = Assert.ThrowsAny<Exception>(factory.StartServer);
        Assert.Contains("Admin:Password must be set", ex.ToString(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Request(int port, string path, string? basic = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{port}{path}"));
        if (basic is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{basic}")));
        }

        return request;
    }
}
