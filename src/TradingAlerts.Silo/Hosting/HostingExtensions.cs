using Npgsql;
using TradingAlerts.Storage.Schema;

namespace TradingAlerts.Silo.Hosting;

/// <summary>Service registration of the silo, one method per concern.</summary>
internal static class HostingExtensions
{
    /// <summary>The embedded default address, used only when neither --urls nor ASPNETCORE_URLS says otherwise.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>Listens on <see cref="DefaultUrl"/> unless an address was configured.</summary>
    public static WebApplicationBuilder UseDefaultUrl(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }

    /// <summary>PostgreSQL data source and the opt-in schema bootstrap, when ConnectionStrings:Postgres is set.</summary>
    public static WebApplicationBuilder AddGridDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        var connectionString = builder.Configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return builder;
        }

        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton<PostgresSchemaBootstrapper>();
        if (builder.Configuration.GetValue<bool>($"{DatabaseOptions.Section}:{nameof(DatabaseOptions.ApplySchemaOnStartup)}"))
        {
            // Hosted services start in registration order: this runs before the Orleans silo starts.
            builder.Services.AddHostedService<SchemaBootstrapService>();
        }

        return builder;
    }

    /// <summary>The Orleans silo: localhost clustering and memory grain storage (embedded run).</summary>
    public static WebApplicationBuilder AddGridSilo(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrleansHostOptions>().BindConfiguration(OrleansHostOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        var orleans = builder.Configuration.GetSection(OrleansHostOptions.Section).Get<OrleansHostOptions>() ?? new OrleansHostOptions();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
            silo.AddMemoryGrainStorageAsDefault();
        });
        return builder;
    }
}
