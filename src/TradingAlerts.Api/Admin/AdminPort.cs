using System.Globalization;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TradingAlerts.Api.Observability;

namespace TradingAlerts.Api.Admin;

/// <summary>
/// The admin port (<c>OrleansDashboard:Port</c>, 8081): Prometheus metrics, the health answers with details, the
/// Orleans dashboard. Kestrel listens on it when the metrics or the dashboard are on; a request belongs to it by
/// the local port it arrived on, never by its Host header. Null when neither is on: then no request is an admin one.
/// </summary>
internal sealed record AdminPort(int? Port)
{
    public bool Accepts(HttpContext context) => Port is { } port && context.Connection.LocalPort == port;
}

/// <summary>Marks an endpoint as served only on connections Kestrel accepted on the admin port.</summary>
internal sealed class AdminPortMetadata
{
    public static readonly AdminPortMetadata Instance = new();
}

/// <summary>
/// "Admin port only", decided by the port the connection arrived on (<c>HttpContext.Connection.LocalPort</c>),
/// never by the Host header, which any caller of the public port can set. Routing drops admin endpoints on other
/// ports (so they answer 404 there) and, on the admin port, prefers them over public endpoints of the same route.
/// </summary>
internal static class AdminPortExtensions
{
    /// <summary>The endpoint answers on the admin port (<c>OrleansDashboard:Port</c>) only; elsewhere it does not exist.</summary>
    public static TBuilder RequireAdminPort<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AdminPortMetadata.Instance);

    /// <summary>
    /// Decides once whether the admin port is open (metrics or dashboard on), registers it with the routing policy
    /// behind <see cref="RequireAdminPort{TBuilder}"/>, and makes Kestrel listen on it beside the API address(es).
    /// </summary>
    public static AdminPort AddAdminPort(this WebApplicationBuilder builder)
    {
        var dashboard = builder.Configuration.ReadAtBuildTime<AdminDashboardOptions>(AdminDashboardOptions.Section);
        var metrics = builder.Configuration.ReadAtBuildTime<MetricsOptions>(MetricsOptions.Section);
        var adminPort = new AdminPort(metrics.Enabled || dashboard.Enabled ? dashboard.Port : null);
        builder.Services.AddSingleton(adminPort);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, AdminPortMatcherPolicy>());
        if (adminPort.Port is { } port)
        {
            var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
            var admin = string.Create(CultureInfo.InvariantCulture, $"http://+:{port}");
            builder.WebHost.UseUrls(string.IsNullOrWhiteSpace(urls) ? admin : $"{urls};{admin}");
        }

        return adminPort;
    }

    public static bool IsAdminEndpoint(this HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<AdminPortMetadata>() is not null;
}

/// <summary>Keeps or drops the candidates of a request by the local port it arrived on.</summary>
internal sealed class AdminPortMatcherPolicy(AdminPort adminPort) : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<AdminPortMetadata>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var onAdminPort = adminPort.Accepts(httpContext);
        var adminMatched = false;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Endpoint.Metadata.GetMetadata<AdminPortMetadata>() is null)
            {
                continue;
            }

            if (!onAdminPort)
            {
                candidates.SetValidity(i, false);
            }
            else
            {
                adminMatched |= candidates.IsValidCandidate(i);
            }
        }

        if (adminMatched)
        {
            // The admin port's own endpoint wins over a public one of the same route (the dashboard's "/").
            for (var i = 0; i < candidates.Count; i++)
            {
                if (candidates[i].Endpoint.Metadata.GetMetadata<AdminPortMetadata>() is null)
                {
                    candidates.SetValidity(i, false);
                }
            }
        }

        return Task.CompletedTask;
    }
}
