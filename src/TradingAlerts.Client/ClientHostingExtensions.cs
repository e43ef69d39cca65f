using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;

namespace TradingAlerts.Client;

/// <summary>Registration of the TradingAlerts Orleans client and its subscriptions.</summary>
public static class ClientHostingExtensions
{
    private const string AdoNetInvariant = "Npgsql";

    /// <summary>
    /// Adds the Orleans client (IClusterClient / IGrainFactory) and <see cref="GridSubscriber"/>, configured
    /// from Orleans:ClusterId, Orleans:ServiceId, Orleans:GatewayPort, Orleans:Tls, ConnectionStrings:Postgres and the
    /// "Client" section; <paramref name="configure"/> runs last and may override any of them.
    /// </summary>
    public static IHostApplicationBuilder AddTradingAlertsClient(this IHostApplicationBuilder builder, Action<TradingAlertsClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddTradingAlertsClient(builder.Configuration, configure);
        return builder;
    }

    /// <inheritdoc cref="AddTradingAlertsClient(IHostApplicationBuilder, Action{TradingAlertsClientOptions}?)"/>
    public static IServiceCollection AddTradingAlertsClient(this IServiceCollection services, IConfiguration configuration, Action<TradingAlertsClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = Read(configuration);
        var tls = OrleansTls.Read(configuration);
        configure?.Invoke(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);

        services.AddSingleton(Options.Create(options));
        services.AddOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId));
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = options.GatewayListRefreshPeriod);
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = options.ResponseTimeout);
            // PostgreSQL errors of the grid's write-through arrive with their message (the agent reports it as the symbol's last error).
            client.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
            if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
            {
                client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
            }
            else
            {
                client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (AdoNetInvariant, options.PostgresConnectionString));
            }

            // Without a filter the host fails to start when no gateway answers; an agent started before the
            // silos (or during a cluster outage) keeps trying instead.
            client.UseConnectionRetryFilter<ConnectionRetryFilter>();
            // Mutual TLS to the gateways when Orleans:Tls:Enabled (production); the embedded silo needs none.
            client.UseGridTls(tls);
        });
        services.AddSingleton<GridSubscriber>();
        return services;
    }

    /// <summary>
    /// Read once, at registration: the clustering provider is chosen and the options validated before the
    /// container exists (a bad value fails <c>AddTradingAlertsClient</c> itself); the same instance is then
    /// registered as <c>IOptions&lt;TradingAlertsClientOptions&gt;</c>.
    /// </summary>
    private static TradingAlertsClientOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(TradingAlertsClientOptions.Section).Get<TradingAlertsClientOptions>() ?? new TradingAlertsClientOptions();
        var orleans = configuration.GetSection("Orleans");
        options.ClusterId = orleans["ClusterId"] is { Length: > 0 } clusterId ? clusterId : options.ClusterId;
        options.ServiceId = orleans["ServiceId"] is { Length: > 0 } serviceId ? serviceId : options.ServiceId;
        options.GatewayPort = orleans.GetValue(nameof(options.GatewayPort), options.GatewayPort);
        options.PostgresConnectionString ??= configuration.GetConnectionString("Postgres");
        return options;
    }
}
