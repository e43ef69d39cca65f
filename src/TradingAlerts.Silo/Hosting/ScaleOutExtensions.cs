using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using TradingAlerts.Client;
using TradingAlerts.Silo.Admin;

namespace TradingAlerts.Silo.Hosting;

/// <summary>What a silo needs to run as one of many: stop timeout, Kubernetes hosting, transport security, the admin dashboard.</summary>
internal static class ScaleOutExtensions
{
    /// <summary>Set by Kubernetes in every container of a pod.</summary>
    public const string KubernetesServiceHostVariable = "KUBERNETES_SERVICE_HOST";

    public static WebApplicationBuilder AddGridScaleOut(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<ScaleOutOptions>().BindConfiguration(ScaleOutOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<AdminDashboardOptions>().BindConfiguration(AdminDashboardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Orleans stops inside the host's StopAsync: the timeout bounds grain deactivation and leaving the cluster.
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<ScaleOutOptions>>((host, scaleOut) => host.ShutdownTimeout = scaleOut.Value.ShutdownTimeout);

        // Whether the dashboard exists and its port shape the silo and Kestrel's URLs, before the container exists.
        var dashboard = configuration.ReadAtBuildTime<AdminDashboardOptions>(AdminDashboardOptions.Section);
        builder.AddAdminPort();
        builder.Services.AddAdminCredential(required: dashboard.Enabled);

        var kubernetes = RunsInKubernetes(configuration);
        var tls = OrleansTls.Read(configuration);
        builder.UseOrleans(silo =>
        {
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
        });

        return builder;
    }

    /// <summary>The dashboard on the admin port (by the connection's local port, not the Host header), behind the admin credential, when enabled.</summary>
    public static IEndpointRouteBuilder MapOrleansAdminDashboard(this WebApplication app)
    {
        var dashboard = app.Services.GetRequiredService<IOptions<AdminDashboardOptions>>().Value;
        if (dashboard.Enabled)
        {
            app.MapOrleansDashboard().RequireAdminPort().RequireAdminCredential();
        }

        return app;
    }

    /// <summary>Kubernetes hosting: as configured, otherwise on exactly when running in a pod.</summary>
    public static bool RunsInKubernetes(IConfiguration configuration) =>
        configuration.GetValue<bool?>($"{ScaleOutOptions.Section}:{nameof(ScaleOutOptions.Kubernetes)}")
        ?? !string.IsNullOrWhiteSpace(configuration[KubernetesServiceHostVariable]);
}
