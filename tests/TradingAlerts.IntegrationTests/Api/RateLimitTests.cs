using System.Globalization;
using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Api.RateLimits;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>Per-caller quotas on /api against a real silo: FREE 3 and PRO 6 per 10 s (see <see cref="RateLimitedSilo"/>).</summary>
public sealed class RateLimitTests(RateLimitedSilo silo) : IClassFixture<RateLimitedSilo>
{
    private static readonly Uri Symbols = new("/api/symbols", UriKind.Relative);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Token(string tier, string user) => RateLimitedSilo.Token(silo.Factory, tier, user);

    private static async Task<List<HttpResponseMessage>> Send(HttpClient client, int count, Uri? url = null)
    {
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < count; i++)
        {
            responses.Add(await client.GetAsync(url ?? Symbols, Ct));
        }

        return responses;
    }

    private static string Header(HttpResponseMessage response, string name) => string.Join(",", response.Headers.GetValues(name));

    private static async Task AssertRejected(HttpResponseMessage response, string error)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = int.Parse(Header(response, "Retry-After"), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, (int)RateLimitedSilo.Window.TotalSeconds);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(["success", "error"], body.EnumerateObject().Select(p => p.Name));
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.Equal("0", Header(response, "X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Free_caller_gets_429_with_retry_after_and_the_envelope_after_its_quota()
    {
        using var client = silo.Client("127.0.0.1", Token("FREE", "free-user"));
        var responses = await Send(client, RateLimitedSilo.FreeLimit + 1);

        Assert.All(responses[..RateLimitedSilo.FreeLimit], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses, r => Assert.Equal("3", Header(r, "X-RateLimit-Limit")));
        Assert.Equal(["2", "1", "0"], responses[..RateLimitedSilo.FreeLimit].Select(r => Header(r, "X-RateLimit-Remaining")));
        await AssertRejected(responses[^1], "Rate limit exceeded: 3 requests per 10 s for FREE");
    }

    [Fact]
    public async Task A_watchlist_of_nine_pairs_is_one_request_of_the_quota()
    {
        using var client = silo.Client("127.0.0.1", Token("FREE", "watchlist-user"));
        var responses = await Send(client, RateLimitedSilo.FreeLimit + 1, new Uri("/api/watchlist?symbol=EURUSD", UriKind.Relative));

        Assert.All(responses[..RateLimitedSilo.FreeLimit], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(["2", "1", "0"], responses[..RateLimitedSilo.FreeLimit].Select(r => Header(r, "X-RateLimit-Remaining")));
        await AssertRejected(responses[^1], "Rate limit exceeded: 3 requests per 10 s for FREE");
    }

    [Fact]
    public async Task Pro_caller_has_its_own_larger_quota()
    {
        using var client = silo.Client("127.0.0.1", Token("PRO", "pro-user"));
        var responses = await Send(client, RateLimitedSilo.ProLimit + 1);

        Assert.All(responses[..RateLimitedSilo.ProLimit], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal("6", Header(responses[0], "X-RateLimit-Limit"));
        await AssertRejected(responses[^1], "Rate limit exceeded: 6 requests per 10 s for PRO");
    }

    [Fact]
    public async Task Two_users_do_not_share_a_quota_and_the_dev_token_carries_the_user_as_subject()
    {
        using var anonymous = silo.Client("127.0.0.10");
        var alice = await DevToken(anonymous, "alice");
        var bob = await DevToken(anonymous, "bob");
        Assert.Equal("alice", new JwtSecurityTokenHandler().ReadJwtToken(alice).Subject);

        using var aliceClient = silo.Client("127.0.0.1", alice);
        using var bobClient = silo.Client("127.0.0.1", bob);
        Assert.All(await Send(aliceClient, RateLimitedSilo.FreeLimit), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await aliceClient.GetAsync(Symbols, Ct)).StatusCode);

        var bobs = await bobClient.GetAsync(Symbols, Ct);
        Assert.Equal(HttpStatusCode.OK, bobs.StatusCode);
        Assert.Equal("2", Header(bobs, "X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Anonymous_callers_are_limited_by_address()
    {
        using var first = silo.Client("127.0.0.2");
        var responses = await Send(first, RateLimitedSilo.FreeLimit + 1);
        Assert.All(responses[..RateLimitedSilo.FreeLimit], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await AssertRejected(responses[^1], "Rate limit exceeded: 3 requests per 10 s for FREE");

        // Another address has its own quota, and so has a user calling from the exhausted one.
        using var second = silo.Client("127.0.0.3");
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(Symbols, Ct)).StatusCode);
        using var user = silo.Client("127.0.0.2", Token("FREE", "user-at-127.0.0.2"));
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync(Symbols, Ct)).StatusCode);
    }

    [Fact]
    public async Task Health_and_paths_outside_the_api_are_not_limited()
    {
        using var client = silo.Client("127.0.0.4");
        await Send(client, RateLimitedSilo.FreeLimit);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(Symbols, Ct)).StatusCode);

        var health = await Send(client, RateLimitedSilo.FreeLimit + 2, new Uri("/healthz", UriKind.Relative));
        Assert.All(health, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(health, r => Assert.False(r.Headers.Contains("X-RateLimit-Limit")));
        // The API's own health endpoints are for monitoring: they never spend or hit a quota either.
        var apiHealth = await Send(client, RateLimitedSilo.FreeLimit + 2, new Uri("/api/health/postgresql", UriKind.Relative));
        Assert.All(apiHealth, r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/not-the-api", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Service_resumes_once_retry_after_has_passed()
    {
        using var client = silo.Client("127.0.0.5");
        await Send(client, RateLimitedSilo.FreeLimit);
        var rejected = await client.GetAsync(Symbols, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);

        var retryAfter = TimeSpan.FromSeconds(int.Parse(Header(rejected, "Retry-After"), CultureInfo.InvariantCulture));
        await Task.Delay(retryAfter + TimeSpan.FromMilliseconds(100), Ct);
        var resumed = await client.GetAsync(Symbols, Ct);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
    }

    [Fact]
    public async Task Disabled_limits_leave_no_limiter_in_the_pipeline()
    {
        var settings = RateLimitedSilo.Settings(1, 1, TimeSpan.FromHours(1));
        settings["RateLimits:Enabled"] = "false";
        await using var factory = new SiloFactory(settings);
        using var client = factory.CreateClient();

        var responses = await Send(client, 5);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses, r => Assert.False(r.Headers.Contains("X-RateLimit-Limit")));
        Assert.Null(factory.Services.GetService<GrainRateLimiter>());
        Assert.Null(factory.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter);
    }

    [Fact]
    public async Task Invalid_limits_stop_the_silo_at_startup()
    {
        await using var factory = new SiloFactory(RateLimitedSilo.Settings(0, 300, TimeSpan.FromHours(1)));
        var ex = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.Equal(typeof(RateLimitOptions), ex.OptionsType);
        Assert.Contains("FreePerHour", ex.Message, StringComparison.Ordinal);
    }

    private static Task<string> DevToken(HttpClient client, string user) =>
        TradingAlerts.TestSupport.DevToken.GetAsync(client, "FREE", user, Ct);
}
