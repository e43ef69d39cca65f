using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Net;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using StackExchange.Redis;
using TradingAlerts.Abstractions.Ports;
using TradingAlerts.Api;
using TradingAlerts.Api.Admin;
using TradingAlerts.Api.Observability;
using TradingAlerts.Client;
using TradingAlerts.Grains;
using TradingAlerts.Persistence.Postgres;
using TradingAlerts.Persistence.Redis;
using TradingAlerts.Persistence.Schema;

namespace TradingAlerts.Silo.Hosting;

/// <summary>
/// The whole Orleans side of a silo in one place, decided from the <see cref="GridTopology"/>: embedded (localhost
/// clustering, memory grain storage, no store) or cluster (ADO.NET clustering and grain storage on PostgreSQL, the
/// write-through store, the schema bootstrap); the bar store metered; the event publisher (Redis or none); and every
/// <c>UseOrleans</c> setting (membership, endpoints, TLS, Kubernetes, dashboard, exception codecs, tracing).
/// </summary>
internal static class OrleansConfiguration
{
    /// <summary>Set by Kubernetes in every container of a pod.</summary>
    public const string KubernetesServiceHostVariable = "KUBERNETES_SERVICE_HOST";

    /// <summary>Idle age of pair and confluence grains in the embedded run: never reached by a running silo.</summary>
    public static readonly TimeSpan EmbeddedCollectionAge = TimeSpan.FromDays(3650);

    private const string AdoNetInvariant = "Npgsql";

    public static WebApplicationBuilder AddGridOrleans(this WebApplicationBuilder builder, GridTopology topology)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.TryAddSingleton(topology);
        services.AddOptions<OrleansHostOptions>().BindConfiguration(OrleansHostOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GridOptions>().BindConfiguration(GridOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        // Orleans stops inside the host's StopAsync: the timeout bounds grain deactivation and leaving the cluster.
        services.AddOptions<HostOptions>().Configure<IOptions<OrleansHostOptions>>((host, orleans) => host.ShutdownTimeout = orleans.Value.ShutdownTimeout);
        AddStore(services, topology);
        AddEvents(services, topology);

        // Endpoints, clustering and the dashboard shape the silo before the container exists.
        var orleans = configuration.ReadAtBuildTime<OrleansHostOptions>(OrleansHostOptions.Section);
        var dashboard = configuration.ReadAtBuildTime<AdminDashboardOptions>(AdminDashboardOptions.Section);
        var kubernetes = RunsInKubernetes(configuration);
        var tls = OrleansTls.Read(configuration);
        var tracing = ObservabilityExtensions.TracingEnabled(configuration);
        builder.UseOrleans(silo =>
        {
            // Failure detection is Orleans' own (probes, indirect probes, votes); "Orleans:Membership" tunes it.
            // appsettings.json shortens the probe period so a silo lost without shutdown is declared dead, and its
            // pairs served again elsewhere, within seconds rather than Orleans' default of 15 s or more.
            silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection(OrleansHostOptions.MembershipSection));
            // A PostgreSQL error crossing a grain call (an agent's failing write-through) reaches the caller with its message,
            // where the ingest status shows it, instead of "Could not find a codec for type Npgsql.PostgresException".
            silo.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
            if (topology.PostgresConnectionString is { } postgres)
            {
                UseCluster(silo, orleans, postgres);
                if (orleans.Rebalancing)
                {
                    UseRebalancer(silo, configuration.GetSection(OrleansHostOptions.RebalancerSection));
                }
            }
            else
            {
                UseEmbedded(silo, orleans);
            }

            // Mutual TLS between silos and from clients, when Orleans:Tls:Enabled (the production files turn it on).
            silo.UseGridTls(tls);
            if (kubernetes)
            {
                // Identity and advertised address come from the pod (POD_NAME, POD_NAMESPACE, POD_IP, ORLEANS_*).
                silo.UseKubernetesHosting();
            }

            if (dashboard.Enabled)
            {
                silo.AddDashboard();
            }

            if (tracing)
            {
                silo.AddActivityPropagation();
            }
        });
        return builder;
    }

    /// <summary>The Orleans dashboard on the admin port (by the connection's local port, not the Host header), behind the admin credential, when enabled.</summary>
    public static WebApplication MapOrleansAdminDashboard(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<AdminDashboardOptions>>().Value.Enabled)
        {
            app.MapOrleansDashboard().RequireAdminPort().RequireAdminCredential();
        }

        return app;
    }

    /// <summary>Kubernetes hosting: as configured (<c>Orleans:Kubernetes</c>), otherwise on exactly when running in a pod.</summary>
    public static bool RunsInKubernetes(IConfiguration configuration) =>
        configuration.GetValue<bool?>($"{OrleansHostOptions.Section}:{nameof(OrleansHostOptions.Kubernetes)}")
        ?? !string.IsNullOrWhiteSpace(configuration[KubernetesServiceHostVariable]);

    private static void UseEmbedded(ISiloBuilder silo, OrleansHostOptions orleans)
    {
        silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
        silo.AddMemoryGrainStorage(GridStorage.Name);
        // Grain memory is the only copy of the bars here (nothing to rehydrate or rebuild from), so idle
        // collection would serve empty pairs and a neutral confluence afterwards: these grains stay.
        silo.Configure<GrainCollectionOptions>(o =>
        {
            o.ClassSpecificCollectionAge[typeof(TimeframeGrain).FullName!] = EmbeddedCollectionAge;
            o.ClassSpecificCollectionAge[typeof(ConfluenceGrain).FullName!] = EmbeddedCollectionAge;
        });
    }

    private static void UseCluster(ISiloBuilder silo, OrleansHostOptions orleans, string postgres)
    {
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (orleans.ClusterId, orleans.ServiceId));
        if (orleans.AdvertisedIP is { Length: > 0 } ip)
        {
            silo.ConfigureEndpoints(IPAddress.Parse(ip), orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.ConfigureEndpoints(orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: true);
        }

        silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (AdoNetInvariant, postgres));
        silo.AddAdoNetGrainStorage(GridStorage.Name, o => (o.Invariant, o.ConnectionString) = (AdoNetInvariant, postgres));
    }

    /// <summary>
    /// Orleans' activation rebalancer: without it nothing moves a grain, and every pair stays on the silo that activated it
    /// first (each silo's metrics sampler and the agent touch all pairs at start). Cluster mode only: embedded is one silo.
    /// </summary>
    private static void UseRebalancer(ISiloBuilder silo, IConfigurationSection options)
    {
        silo.Services.Configure<ActivationRebalancerOptions>(options);
        // ORLEANSEXP002: the rebalancer is experimental in Orleans 10.4; it only migrates grains, which every movable grain
        // here survives (a new activation rehydrates from PostgreSQL), and Orleans:Rebalancing=false turns it off.
#pragma warning disable ORLEANSEXP002
        silo.AddActivationRebalancer();
#pragma warning restore ORLEANSEXP002
    }

    /// <summary>The bar store the grains write through (PostgreSQL, or none when embedded), always metered.</summary>
    private static void AddStore(IServiceCollection services, GridTopology topology)
    {
        if (topology.PostgresConnectionString is not { } connectionString)
        {
            services.AddSingleton<IBarStore>(sp => new MeteredBarStore(new NoBarStore(), sp.GetRequiredService<GridMetrics>()));
            return;
        }

        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<PostgresBarStore>();
        services.AddSingleton<IBarStore>(sp => new MeteredBarStore(sp.GetRequiredService<PostgresBarStore>(), sp.GetRequiredService<GridMetrics>()));
        services.AddSingleton<PostgresSchemaBootstrapper>();
        // Hosted services start in registration order: this runs before the Orleans silo starts.
        services.AddHostedService<SchemaBootstrapService>();
    }

    private static void AddEvents(IServiceCollection services, GridTopology topology)
    {
        if (topology.RedisConnectionString is not { } redis)
        {
            services.AddSingleton<IGridEventPublisher, NoGridEventPublisher>();
            return;
        }

        // abortConnect=false: the silo starts and keeps serving while Redis is away; events resume when it is back.
        var redisOptions = ConfigurationOptions.Parse(redis);
        redisOptions.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisOptions));
        services.AddSingleton<IGridEventPublisher, RedisGridEventPublisher>();
    }
}
