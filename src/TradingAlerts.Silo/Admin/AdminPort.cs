using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TradingAlerts.Silo.Hosting;

namespace TradingAlerts.Silo.Admin;

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

    /// <summary>The routing policy behind <see cref="RequireAdminPort{TBuilder}"/>.</summary>
    public static IServiceCollection AddAdminPortRouting(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, AdminPortMatcherPolicy>());
        return services;
    }

    public static bool IsAdminEndpoint(this HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<AdminPortMetadata>() is not null;
}

/// <summary>Keeps or drops the candidates of a request by the local port it arrived on.</summary>
internal sealed class AdminPortMatcherPolicy(IOptions<AdminDashboardOptions> options) : MatcherPolicy, IEndpointSelectorPolicy
{
    private readonly int _adminPort = options.Value.Port;

    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<AdminPortMetadata>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var onAdminPort = httpContext.Connection.LocalPort == _adminPort;
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
