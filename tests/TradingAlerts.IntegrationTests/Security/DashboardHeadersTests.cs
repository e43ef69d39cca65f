using System.Net;
using System.Text.RegularExpressions;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Security;

/// <summary>The dashboard's pages and files carry the security headers; the browser tests (TradingAlerts.E2E) run the app under them.</summary>
public sealed partial class DashboardHeadersTests : IAsyncLifetime
{
    private readonly SiloFactory _silo = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task Every_page_and_every_file_it_loads_carries_the_security_headers()
    {
        using var http = _silo.CreateClient();
        var shell = await Get(http, "/dashboard/chart/EURUSD/H1");
        await Get(http, "/dashboard/confluence/EURUSD");
        await Get(http, "/login");

        // The files the shell references (script, stylesheet), read from the page itself.
        var assets = AssetReference().Matches(shell).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("/app/main.js", assets);
        Assert.Contains("/app/main.css", assets);
        foreach (var asset in assets)
        {
            await Get(http, asset);
        }
    }

    [Fact]
    public async Task The_policy_allows_only_this_origin_for_scripts_and_connections_and_forbids_framing()
    {
        using var http = _silo.CreateClient();
        using var response = await http.GetAsync(new Uri("/dashboard/chart/EURUSD/H1", UriKind.Relative), TestContext.Current.CancellationToken);
        var policy = Directives(string.Join(";", response.Headers.GetValues("Content-Security-Policy")));

        Assert.Equal("'self'", policy["default-src"]);
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'self'", policy["connect-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("'none'", policy["base-uri"]);
        Assert.DoesNotContain("unsafe", policy["script-src"], StringComparison.Ordinal);
    }

    private static async Task<string> Get(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : string.Empty, StringComparer.Ordinal);

    [GeneratedRegex("""(?:src|href)="(/[^"]+)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex AssetReference();
}
