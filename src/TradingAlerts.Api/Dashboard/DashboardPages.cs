namespace TradingAlerts.Api.Dashboard;

/// <summary>
/// The dashboard: static files from wwwroot (built from ClientApp by npm at build time) and its page
/// addresses, which all serve the one HTML shell whose script renders the page for the address.
/// </summary>
internal static class DashboardPages
{
    public const string Home = "/dashboard/chart/EURUSD/H1";

    public static WebApplication UseDashboardPages(this WebApplication app)
    {
        // Every page and file carries the security headers (content security policy, no framing, no sniffing).
        app.UseStaticFiles(DashboardSecurityHeaders.StaticFiles());
        app.MapGet("/", () => TypedResults.Redirect(Home)).ExcludeFromDescription();
        app.MapFallbackToFile("/login", "index.html", DashboardSecurityHeaders.StaticFiles());
        app.MapFallbackToFile("/dashboard/{**page}", "index.html", DashboardSecurityHeaders.StaticFiles());
        return app;
    }
}
