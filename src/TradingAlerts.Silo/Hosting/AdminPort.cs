using System.Globalization;

namespace TradingAlerts.Silo.Hosting;

/// <summary>
/// The admin port (<c>OrleansDashboard:Port</c>, 8081): Prometheus metrics, the health answers with details, the
/// Orleans dashboard. Kestrel listens on it when the metrics or the dashboard are on; a request belongs to it by
/// the local port it arrived on, never by its Host header. Null when neither is on: then no request is an admin one.
/// </summary>
internal sealed record AdminPort(int? Port)
{
    public bool Accepts(HttpContext context) => Port is { } port && context.Connection.LocalPort == port;
}

internal static class AdminPortExtensions
{
    /// <summary>Registers the admin port and makes Kestrel listen on it when <paramref name="open"/> (idempotent).</summary>
    public static AdminPort UseAdminPort(this WebApplicationBuilder builder, bool open)
    {
        var dashboard = builder.Configuration.ReadAtBuildTime<AdminDashboardOptions>(AdminDashboardOptions.Section);
        var adminPort = new AdminPort(open || dashboard.Enabled ? dashboard.Port : null);
        builder.Services.AddSingleton(adminPort);
        if (adminPort.Port is { } port)
        {
            var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
            var admin = string.Create(CultureInfo.InvariantCulture, $"http://+:{port}");
            if (urls is null || !urls.Split(';').Contains(admin, StringComparer.Ordinal))
            {
                builder.WebHost.UseUrls(string.IsNullOrWhiteSpace(urls) ? admin : $"{urls};{admin}");
            }
        }

        return adminPort;
    }
}
