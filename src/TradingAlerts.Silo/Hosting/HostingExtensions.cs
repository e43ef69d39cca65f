using System.Net;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using StackExchange.Redis;
using TradingAlerts.Abstractions.Ports;
using TradingAlerts.Grains;
using TradingAlerts.Feeds.SyntheticCollector;
using TradingAlerts.Ingest;
using TradingAlerts.Silo.Events;
using TradingAlerts.Grains.Bars;
using TradingAlerts.Persistence.Postgres;
using TradingAlerts.Persistence.Schema;

namespace TradingAlerts.Silo.Hosting;

/// <summary>Service registration of the silo, one method per concern.</summary>
internal static class HostingExtensions
{
    /// <summary>The embedded default address, used only when neither --urls nor ASPNETCORE_URLS says otherwise.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    private const string AdoNetInvariant = "Npgsql";

    /// <summary>Idle age of pair and confluence grains in the embedded run: never reached by a running silo.</summary>
    public static readonly TimeSpan EmbeddedCollectionAge = TimeSpan.FromDays(3650);

    /// <summary>Listens on <see cref="DefaultUrl"/> unless an address was configured.</summary>
    public static WebApplicationBuilder UseDefaultUrl(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }

    /// <summary>PostgreSQL data source, write-through store and the opt-in schema bootstrap, when ConnectionStrings:Postgres is set.</summary>
    public static WebApplicationBuilder AddGridDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        if (builder.GetGridTopology().PostgresConnectionString is not { } connectionString)
        {
            builder.Services.AddSingleton<IBarStore, NoBarStore>();
            return builder;
        }

        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton<IBarStore, PostgresBarStore>();
        builder.Services.AddSingleton<PostgresSchemaBootstrapper>();
        // Hosted services start in registration order: this runs before the Orleans silo starts.
        builder.Services.AddHostedService<SchemaBootstrapService>();

        return builder;
    }

    /// <summary>
    /// The Orleans silo. Embedded (no PostgreSQL): localhost clustering and memory grain storage.
    /// Cluster: ADO.NET clustering and grain storage on the same PostgreSQL.
    /// </summary>
    public static WebApplicationBuilder AddGridSilo(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrleansHostOptions>().BindConfiguration(OrleansHostOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<GridOptions>().BindConfiguration(GridOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.AddGridEvents();
        // Endpoints and clustering are set inside UseOrleans, before the container exists.
        var orleans = builder.Configuration.ReadAtBuildTime<OrleansHostOptions>(OrleansHostOptions.Section);
        var postgres = builder.GetGridTopology().PostgresConnectionString;
        builder.UseOrleans(silo =>
        {
            // Failure detection is Orleans' own (probes, indirect probes, votes); "Orleans:Membership" tunes it.
            // appsettings.json shortens the probe period so a silo lost without shutdown is declared dead, and its
            // pairs served again elsewhere, within seconds rather than Orleans' default of 15 s or more.
            silo.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection(OrleansHostOptions.MembershipSection));
            if (postgres is null)
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
                return;
            }

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
        });
        return builder;
    }

    /// <summary>The demo collector (embedded default: the feeds' synthetic collector) and the ingest agent tailing the collector files.</summary>
    public static WebApplicationBuilder AddGridIngest(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // Whether the demo collector is registered at all depends on them.
        var demo = configuration.ReadAtBuildTime<SyntheticCollectorOptions>(SyntheticCollectorOptions.Section);
        var configuredFiles = configuration.ReadAtBuildTime<IngestOptions>(IngestOptions.Section).SqlitePaths;
        var demoEnabled = demo.Enabled ?? configuredFiles.All(string.IsNullOrWhiteSpace);
        if (demoEnabled)
        {
            var path = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, demo.SqlitePath));
            builder.Services.AddSyntheticCollector(configuration, path);
            builder.Services.PostConfigure<IngestOptions>(o =>
            {
                if (!o.SqlitePaths.Contains(path))
                {
                    o.SqlitePaths.Add(path);
                }
            });
        }

        builder.Services.AddIngestAgent(configuration);
        return builder;
    }

    private static void AddGridEvents(this WebApplicationBuilder builder)
    {
        if (builder.GetGridTopology().RedisConnectionString is not { } redis)
        {
            builder.Services.AddSingleton<IGridEventPublisher, NoGridEventPublisher>();
            return;
        }

        // abortConnect=false: the silo starts and keeps serving while Redis is away; events resume when it is back.
        var redisOptions = ConfigurationOptions.Parse(redis);
        redisOptions.AbortOnConnectFail = false;
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisOptions));
        builder.Services.AddSingleton<IGridEventPublisher, RedisGridEventPublisher>();
    }
}
