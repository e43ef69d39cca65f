using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Api.Health;
using TradingAlerts.Api;

namespace TradingAlerts.IntegrationTests.Hosting;

/// <summary>How the real silo registers its health checks, and how it decides embedded or cluster.</summary>
public sealed class HealthRegistrationTests
{
    [Fact]
    public async Task Health_CheckTimeout_bounds_every_readiness_check_and_each_detailed_check_has_its_own_tag()
    {
        await using var silo = new SiloFactory(new Dictionary<string, string?> { ["Health:CheckTimeout"] = "00:00:03" });
        silo.CreateClient().Dispose();
        var registrations = silo.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;

        var ready = registrations.Where(r => r.Tags.Contains(HealthExtensions.ReadyTag)).ToList();
        Assert.NotEmpty(ready);
        Assert.All(ready, r => Assert.Equal(TimeSpan.FromSeconds(3), r.Timeout));

        // Each detailed endpoint selects exactly its own check, and no probe selects any of them.
        foreach (var tag in new[] { HealthExtensions.PairFreshnessTag, HealthExtensions.CollectorFilesTag, HealthExtensions.PostgresTablesTag })
        {
            var check = Assert.Single(registrations, r => r.Tags.Contains(tag));
            Assert.Equal([tag], check.Tags);
        }
    }

    [Fact]
    public void Embedded_or_cluster_is_decided_by_the_PostgreSQL_connection_string_alone()
    {
        Assert.Equal("embedded", Topology([]).Mode);
        Assert.True(Topology(new() { ["ConnectionStrings:Postgres"] = "  ", ["ConnectionStrings:Redis"] = "" }) is { Embedded: true, RedisConnectionString: null });
        var cluster = Topology(new() { ["ConnectionStrings:Postgres"] = "Host=db", ["ConnectionStrings:Redis"] = "redis:6379" });
        Assert.Equal(("cluster", "Host=db", "redis:6379"), (cluster.Mode, cluster.PostgresConnectionString, cluster.RedisConnectionString));
    }

    private static GridTopology Topology(Dictionary<string, string?> values) =>
        GridTopology.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
}
