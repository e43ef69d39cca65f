using System.Net;
using TradingAlerts.IntegrationTests.Api;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Api.RateLimits;

namespace TradingAlerts.IntegrationTests.Security;

/// <summary>
/// The embedded silo with small quotas behind real Kestrel that trusts X-Forwarded-For (as behind HAProxy), so the
/// tests can call from any IPv6 address.
/// </summary>
public sealed class ForwardedRateLimitSilo : IAsyncLifetime
{
    public const int FreeLimit = 3;

    public SiloFactory Factory { get; } = new(new Dictionary<string, string?>(RateLimitedSilo.Settings(FreeLimit, 6, TimeSpan.FromMinutes(10)))
    {
        // ASP.NET Core's own switch (ASPNETCORE_FORWARDEDHEADERS_ENABLED in compose).
        ["FORWARDEDHEADERS_ENABLED"] = "true",
    });

    public Uri BaseAddress { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        BaseAddress = Factory.StartOnLoopback();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>Anonymous callers are keyed by IPv4 address, by IPv6 /64, and IPv4-mapped IPv6 counts as IPv4.</summary>
public sealed class RateLimitKeyTests(ForwardedRateLimitSilo silo) : IClassFixture<ForwardedRateLimitSilo>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("203.0.113.7", "ip:203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "ip:203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "ip6:2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "ip6:2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "ip6:2001:db8:1:3::/64")]
    [InlineData("::1", "ip6:::/64")]
    public void Address_keys(string address, string key) => Assert.Equal(key, CallerKey.OfAddress(IPAddress.Parse(address)));

    [Fact]
    public async Task Addresses_of_one_ipv6_64_share_one_quota_and_another_64_has_its_own()
    {
        // Every request from a new address of the same /64: keyed by address each would be a first request.
        for (var i = 1; i <= ForwardedRateLimitSilo.FreeLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await Get($"2001:db8:aa:1::{i:x}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await Get("2001:db8:aa:1:ffff:ffff:ffff:ffff"));
        Assert.Equal(HttpStatusCode.OK, await Get("2001:db8:aa:2::1"));
    }

    [Fact]
    public async Task Ipv4_callers_are_keyed_by_address_and_ipv4_mapped_ipv6_counts_as_ipv4()
    {
        for (var i = 0; i < ForwardedRateLimitSilo.FreeLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await Get(i % 2 == 0 ? "198.51.100.9" : "::ffff:198.51.100.9"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await Get("198.51.100.9"));
        Assert.Equal(HttpStatusCode.OK, await Get("198.51.100.10"));
    }

    private async Task<HttpStatusCode> Get(string from)
    {
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/symbols", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", from);
        using var response = await http.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
