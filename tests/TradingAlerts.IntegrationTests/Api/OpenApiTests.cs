using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>The OpenAPI document and the browsable reference, served by the real silo without any CDN.</summary>
public sealed partial class OpenApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Document_lists_every_api_endpoint_with_summary_and_tags_and_the_bearer_scheme()
    {
        using var client = api.Client();
        var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);

        // Every /api route the silo really maps (read from its routing, so new endpoints are covered too).
        var routes = api.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (path: "/" + e.RoutePattern.RawText!.TrimStart('/'), methods: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(r => r.path.StartsWith("/api/", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(routes, r => r.path == "/api/indicators/{symbol}/{timeframe}");
        Assert.Contains(routes, r => r.path == "/api/health/postgresql");
        var paths = document.GetProperty("paths");
        foreach (var (path, methods) in routes)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing from the OpenAPI document");
            foreach (var method in methods)
            {
                var operation = item.GetProperty(method.ToLowerInvariant());
                Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary");
                Assert.NotEqual(0, operation.GetProperty("tags").GetArrayLength());
            }
        }

        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer", "JWT"), (bearer.GetProperty("type").GetString(), bearer.GetProperty("scheme").GetString(), bearer.GetProperty("bearerFormat").GetString()));
        // Optional everywhere: anonymous ({}) or the bearer token.
        var security = document.GetProperty("security").EnumerateArray().ToList();
        Assert.Contains(security, s => !s.EnumerateObject().Any());
        Assert.Contains(security, s => s.TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task The_limit_parameter_says_it_is_clamped_to_5000()
    {
        using var client = api.Client();
        var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct)).RootElement;
        var get = document.GetProperty("paths").GetProperty("/api/indicators/{symbol}/{timeframe}").GetProperty("get");

        var limit = get.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "limit");
        Assert.Equal("query", limit.GetProperty("in").GetString());
        Assert.Contains("clamped to 5000", limit.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("bars_returned", get.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Statuses() => new()
    {
        { "get", "/api/symbols", "200 500 503" },
        { "get", "/api/timeframes", "200 500 503" },
        { "get", "/api/indicators/catalogue", "200 500 503" },
        { "get", "/api/indicators/{symbol}/{timeframe}", "200 304 400 403 500 503" },
        { "get", "/api/confluence/{symbol}", "200 304 400 403 404 500 503" },
        { "get", "/api/stream", "200 400 403 429 500 503" }, // 429: stream caps
        { "get", "/api/stream/{symbol}/{timeframe}", "200 400 403 429 500 503" },
        { "get", "/api/stream/confluence/{symbol}", "200 400 403 429 500 503" },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task Every_status_an_endpoint_answers_is_documented_with_its_envelope(string method, string path, string statuses)
    {
        using var client = api.Client();
        var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct)).RootElement;
        var responses = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");

        Assert.Equal(statuses, string.Join(' ', responses.EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal)));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var response in responses.EnumerateObject().Where(r => r.Name is not ("200" or "304")))
        {
            // Every error is the JSON envelope: success and error, and on 403 the tier and upgrade_required.
            var reference = response.Value.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
            var properties = schemas.GetProperty(reference.Split('/')[^1]).GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(response.Name == "403" ? ["success", "error", "tier", "upgrade_required"] : ["success", "error"], properties);
        }

        var ok = responses.GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name);
        Assert.Equal([path.StartsWith("/api/stream", StringComparison.Ordinal) ? "text/event-stream" : "application/json"], ok);
    }

    [Fact]
    public async Task Docs_page_loads_only_assets_the_silo_serves_itself()
    {
        using var client = api.Client();
        var response = await client.GetAsync(new Uri("/docs/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Ct);

        var assets = AssetAttribute().Matches(html).Select(m => m.Groups["url"].Value).Distinct().ToList();
        Assert.NotEmpty(assets);
        Assert.Contains(assets, a => a.EndsWith(".js", StringComparison.Ordinal));
        Assert.DoesNotMatch(AbsoluteUrl(), html); // no CDN, no web fonts: works offline
        foreach (var asset in assets)
        {
            var url = new Uri(new Uri(client.BaseAddress!, "/docs/"), asset);
            Assert.Equal(client.BaseAddress!.Authority, url.Authority);
            var fetched = await client.GetAsync(url, Ct);
            Assert.True(fetched.StatusCode == HttpStatusCode.OK, $"{url} answered {fetched.StatusCode}");
            Assert.True((await fetched.Content.ReadAsByteArrayAsync(Ct)).Length > 0, $"{url} is empty");
        }

        // The reference reads the document from the silo too (its script resolves the source against the site root).
        var source = Assert.Single(SourceUrl().Matches(html)).Groups["url"].Value;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(client.BaseAddress!, source), Ct)).StatusCode);
        var redirect = await client.GetAsync(new Uri("/docs", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, redirect.StatusCode); // /docs redirects to /docs/
    }

    /// <summary>Every src/href attribute and the configured favicon: what the browser fetches relative to the page.</summary>
    [GeneratedRegex("""(?:\b(?:src|href)\s*=\s*|"favicon"\s*:\s*)["'](?<url>[^"']+)["']""")]
    private static partial Regex AssetAttribute();

    /// <summary>The OpenAPI source in the reference's configuration.</summary>
    [GeneratedRegex(@"""sources""\s*:\s*\[\{[^\]]*""url""\s*:\s*""(?<url>[^""]+)""")]
    private static partial Regex SourceUrl();

    [GeneratedRegex("https?://", RegexOptions.IgnoreCase)]
    private static partial Regex AbsoluteUrl();
}
