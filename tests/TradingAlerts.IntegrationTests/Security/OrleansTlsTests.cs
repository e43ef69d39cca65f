using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Client;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Security;

/// <summary>
/// Two real silos (ADO.NET clustering on PostgreSQL) with Orleans' mutual TLS on, each with its own certificate
/// issued by a throwaway cluster CA.
/// </summary>
public sealed class TlsCluster : IAsyncLifetime
{
    private readonly SchemaDatabase _database = new();

    public TestCertificates Certificates { get; } = new();

    public string ClusterId { get; } = $"ta-tls-{Guid.NewGuid():N}";

    public int GatewayPort { get; } = TestEnvironment.FreePort();

    public SiloFactory First { get; private set; } = null!;

    public SiloFactory Second { get; private set; } = null!;

    public string ConnectionString => _database.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        First = Silo("silo-1", GatewayPort);
        First.CreateClient().Dispose();
        Second = Silo("silo-2", TestEnvironment.FreePort());
        Second.CreateClient().Dispose();
    }

    /// <summary>The TLS settings of a member holding <paramref name="certificate"/> (and the cluster CA as trust anchor).</summary>
    public Dictionary<string, string?> Tls((string Certificate, string Key)? certificate) => new()
    {
        ["Orleans:Tls:Enabled"] = "true",
        ["Orleans:Tls:CaPath"] = Certificates.CaPath("cluster-ca"),
        ["Orleans:Tls:CertificatePath"] = certificate?.Certificate,
        ["Orleans:Tls:KeyPath"] = certificate?.Key,
    };

    private SiloFactory Silo(string member, int gatewayPort)
    {
        var settings = Tls(Certificates.Issue("cluster-ca", member));
        settings["ConnectionStrings:Postgres"] = ConnectionString;
        settings["Orleans:ClusterId"] = ClusterId;
        settings["Orleans:AdvertisedIP"] = "127.0.0.1";
        settings["Orleans:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        return new SiloFactory(settings);
    }

    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
        await _database.DisposeAsync();
        Certificates.Dispose();
    }
}

/// <summary>Silo-to-silo and gateway traffic over mutual TLS: members of the cluster CA get in, nobody else does.</summary>
public sealed class OrleansTlsTests(TlsCluster cluster) : IClassFixture<TlsCluster>
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Silos_form_one_cluster_and_a_client_with_a_member_certificate_calls_grains()
    {
        foreach (var silo in new[] { cluster.First, cluster.Second })
        {
            var membership = silo.Services.GetRequiredService<IClusterMembershipService>();
            await Eventually.UntilAsync("both silos active in each silo's view over TLS",
                () => membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) == 2, Bounded, cancellationToken: Ct);
        }

        // The client package as the agent and the alert engine use it, with their own certificate.
        var settings = cluster.Tls(cluster.Certificates.Issue("cluster-ca", "alert-engine"));
        settings["ConnectionStrings:Postgres"] = cluster.ConnectionString;
        settings["Orleans:ClusterId"] = cluster.ClusterId;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTradingAlertsClient();
        using var host = builder.Build();
        await host.StartAsync(Ct).WaitAsync(Bounded, Ct);
        var grains = host.Services.GetRequiredService<IClusterClient>();
        foreach (var pair in new[] { "EURUSD/H1", "XAUUSD/D1", "GBPJPY/M5", "US30/H4" })
        {
            Assert.Null(await grains.GetGrain<ITimeframeGrain>(pair).GetLatest());
        }

        await host.StopAsync(Ct);
    }

    public enum Outsider
    {
        Plaintext,
        TlsWithoutCertificate,
        CertificateOfAnotherCa,
    }

    [Theory]
    [InlineData(Outsider.Plaintext)]
    [InlineData(Outsider.TlsWithoutCertificate)]
    [InlineData(Outsider.CertificateOfAnotherCa)]
    public async Task A_client_without_a_certificate_of_the_cluster_ca_cannot_connect(Outsider outsider)
    {
        var attempts = new List<Exception>();
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            // Records why each connection attempt failed and gives up at once.
            client.UseConnectionRetryFilter((failure, _) =>
            {
                lock (attempts)
                {
                    attempts.Add(failure);
                }

                return Task.FromResult(false);
            });
            client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, cluster.GatewayPort));
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, "tradingalerts"));
            switch (outsider)
            {
                case Outsider.TlsWithoutCertificate:
                    client.UseTls(tls => tls.AllowAnyRemoteCertificate());
                    break;
                case Outsider.CertificateOfAnotherCa:
                    var rogue = cluster.Certificates.Issue("rogue-ca", "outsider");
                    client.UseGridTls(new OrleansTlsOptions
                    {
                        Enabled = true,
                        CaPath = cluster.Certificates.CaPath("cluster-ca"),
                        CertificatePath = rogue.Certificate,
                        KeyPath = rogue.Key,
                    });
                    break;
            }
        });
        using var host = builder.Build();

        var refused = await Record.ExceptionAsync(() => host.StartAsync(Ct).WaitAsync(Bounded, Ct));
        Assert.NotNull(refused);
        Assert.IsNotType<TimeoutException>(refused);
        lock (attempts)
        {
            TestContext.Current.SendDiagnosticMessage($"{outsider}: {string.Join(" | ", attempts.Select(a => $"{a.GetType().Name}: {a.Message}"))}");
            Assert.NotEmpty(attempts);
        }
    }
}
