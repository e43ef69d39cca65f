using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Orleans;

/// <summary>
/// sql/orleans/ is written for the ADO.NET providers' contract: real silos cluster through it and keep
/// grain state in it, on a real PostgreSQL, with no other membership or storage in play.
/// </summary>
public sealed class AdoNetClusterTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>
{
    public const string StorageName = "ta-test-store";
    private const string Invariant = "Npgsql";

    [Fact]
    public async Task Two_silos_and_a_client_cluster_through_postgres_and_state_survives_reactivation()
    {
        var ct = TestContext.Current.CancellationToken;
        var clusterId = $"ta-test-{Guid.NewGuid():N}";
        using var silo1 = StartSilo(clusterId);
        await silo1.StartAsync(ct);
        using var silo2 = StartSilo(clusterId);
        await silo2.StartAsync(ct);

        Assert.Equal(2L, await db.ScalarAsync<long>(
            $"SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = '{clusterId}' AND status = 3"));

        using var client = Host.CreateDefaultBuilder()
            .UseOrleansClient(c => c
                .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, "ta-test"))
                .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (Invariant, db.ConnectionString)))
            .Build();
        await client.StartAsync(ct);
        var grains = client.Services.GetRequiredService<IClusterClient>();

        var counter = grains.GetGrain<ICounterGrain>($"counter-{Guid.NewGuid():N}");
        for (var i = 0; i < 3; i++)
        {
            await counter.Increment();
        }

        await counter.Deactivate();
        Assert.Equal(3, await counter.Current()); // a new activation read the state back from orleansstorage
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM orleansstorage") >= 1);

        await silo2.StopAsync(ct);
        Assert.Equal(1L, await db.ScalarAsync<long>(
            $"SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = '{clusterId}' AND status = 3"));
        Assert.Equal(4, await counter.Increment()); // still served, by the remaining silo if it lived on the stopped one

        await client.StopAsync(ct);
        await silo1.StopAsync(ct);
    }

    private IHost StartSilo(string clusterId) => Host.CreateDefaultBuilder()
        .UseOrleans(silo => silo
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, "ta-test"))
            .ConfigureEndpoints(IPAddress.Loopback, TestEnvironment.FreePort(), TestEnvironment.FreePort())
            .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (Invariant, db.ConnectionString))
            .AddAdoNetGrainStorage(StorageName, o => (o.Invariant, o.ConnectionString) = (Invariant, db.ConnectionString)))
        .Build();
}
