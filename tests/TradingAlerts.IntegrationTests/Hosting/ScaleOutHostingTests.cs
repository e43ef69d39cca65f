using Microsoft.AspNetCore.Mvc.Testing;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;
using TradingAlerts.Api;
using TradingAlerts.Api.Admin;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Silo.Hosting;

namespace TradingAlerts.IntegrationTests.Hosting;

/// <summary>The real silo's scale-out settings: the admin dashboard (served on its port: Security/AdminPortTests), Kubernetes hosting, the shutdown timeout.</summary>
public sealed class ScaleOutHostingTests
{
    private static readonly Uri AdminRoot = new("http://localhost:8081/");

    [Fact]
    public async Task Dashboard_is_off_by_default()
    {
        await using var silo = new SiloFactory();
        using var client = silo.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.False(silo.Services.GetRequiredService<IOptions<AdminDashboardOptions>>().Value.Enabled);
        // The admin port's root is then just the site's root: the web dashboard's redirect, no Orleans dashboard.
        using var response = await client.GetAsync(AdminRoot, TestContext.Current.CancellationToken);
        AssertWebDashboardRedirect(response);
    }

    private static void AssertWebDashboardRedirect(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/chart/EURUSD/H1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Kubernetes_hosting_is_off_outside_a_pod()
    {
        await using var silo = new SiloFactory();
        using var client = silo.CreateClient();

        Assert.Empty(silo.Services.GetServices<IConfigureOptions<KubernetesHostingOptions>>());
        Assert.False(OrleansConfiguration.RunsInKubernetes(Configuration([])));
    }

    [Fact]
    public void Kubernetes_hosting_turns_on_in_a_pod_unless_configured_off()
    {
        Assert.True(OrleansConfiguration.RunsInKubernetes(Configuration(new() { ["KUBERNETES_SERVICE_HOST"] = "10.0.0.1" })));
        Assert.True(OrleansConfiguration.RunsInKubernetes(Configuration(new() { ["Orleans:Kubernetes"] = "true" })));
        Assert.False(OrleansConfiguration.RunsInKubernetes(Configuration(new() { ["KUBERNETES_SERVICE_HOST"] = "10.0.0.1", ["Orleans:Kubernetes"] = "false" })));

        // In a pod the silo registers the package's hosting (built, not started: there is no Kubernetes API here).
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["KUBERNETES_SERVICE_HOST"] = "10.0.0.1" });
        builder.AddGridOrleans(GridTopology.From(builder.Configuration));
        using var app = builder.Build();
        Assert.NotEmpty(app.Services.GetServices<IConfigureOptions<KubernetesHostingOptions>>());
    }

    [Fact]
    public async Task Failure_detection_is_shortened_by_default_and_tuned_from_configuration()
    {
        await using (var silo = new SiloFactory())
        {
            using var client = silo.CreateClient();
            var membership = silo.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
            Assert.Equal(TimeSpan.FromSeconds(2), membership.ProbeTimeout);
            Assert.Equal(new ClusterMembershipOptions().NumMissedProbesLimit, membership.NumMissedProbesLimit);
        }

        await using var tuned = new SiloFactory(new Dictionary<string, string?>
        {
            ["Orleans:Membership:ProbeTimeout"] = "00:00:07",
            ["Orleans:Membership:NumMissedProbesLimit"] = "4",
        });
        using var tunedClient = tuned.CreateClient();
        var options = tuned.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(7), options.ProbeTimeout);
        Assert.Equal(4, options.NumMissedProbesLimit);
    }

    [Fact]
    public async Task Shutdown_timeout_comes_from_configuration()
    {
        await using var byDefault = new SiloFactory();
        byDefault.CreateClient().Dispose();
        Assert.Equal(TimeSpan.FromSeconds(30), byDefault.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);

        await using var configured = new SiloFactory(new Dictionary<string, string?> { ["Orleans:ShutdownTimeout"] = "00:00:12" });
        configured.CreateClient().Dispose();
        Assert.Equal(TimeSpan.FromSeconds(12), configured.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
