using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>Two silo hosts in one Orleans cluster (ADO.NET clustering on PostgreSQL) count one caller once.</summary>
public sealed class RateLimitClusterTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>
{
    [Fact]
    public async Task Requests_alternating_between_two_silos_share_one_quota()
    {
        var ct = TestContext.Current.CancellationToken;
        var clusterId = $"ta-ratelimit-{Guid.NewGuid():N}";
        SiloFactory Silo()
        {
            // A long window: every request below falls in it however slow the machine is.
            var settings = RateLimitedSilo.Settings(3, 6, TimeSpan.FromMinutes(5));
            settings["ConnectionStrings:Postgres"] = db.ConnectionString;
            settings["Orleans:ClusterId"] = clusterId;
            settings["Orleans:AdvertisedIP"] = "127.0.0.1";
            return new SiloFactory(settings);
        }

        await using var silo1 = Silo();
        using var client1 = silo1.CreateClient();
        await using var silo2 = Silo();
        using var client2 = silo2.CreateClient();
        await WaitForActiveSilos(silo1, 2, ct);
        await WaitForActiveSilos(silo2, 2, ct);

        var token = RateLimitedSilo.Token(silo1, "FREE", "cluster-user");
        foreach (var client in new[] { client1, client2 })
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            var response = await (i % 2 == 0 ? client1 : client2).GetAsync(new Uri("/api/symbols", UriKind.Relative), ct);
            statuses.Add(response.StatusCode);
        }

        // Three accepted in all (two on silo 1, one on silo 2), then both silos refuse: one count, not one per silo.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses[..3]);
        Assert.All(statuses[3..], s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    /// <summary>Until this silo's membership view holds <paramref name="count"/> active silos (bounded wait).</summary>
    private static async Task WaitForActiveSilos(SiloFactory silo, int count, CancellationToken ct)
    {
        var membership = silo.Services.GetRequiredService<IClusterMembershipService>();
        await Eventually.UntilAsync($"the silo to see {count} active silos",
            () => membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) >= count,
            TimeSpan.FromSeconds(60), cancellationToken: ct);
    }
}
