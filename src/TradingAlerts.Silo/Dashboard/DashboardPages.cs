namespace TradingAlerts.Silo.Dashboard;

/// <summary>
/// The dashboard: static files from wwwroot (built from ClientApp by npm at build time) and its page
/// addresses, which all serve the one HTML shell whose script renders the page for the address.
/// </summary>
internal static class DashboardPages
{
    public const string Home = "/dashboard/chart/EURUSD/H1";

    public static WebApplication UseDashboardPages(this WebApplication app)
    {
        app.UseStaticFiles();
        app.MapGet("/", () => TypedResults.Redirect(Home)).ExcludeFromDescription();
        app.MapFallbackToFile("/login", "index.html");
        app.MapFallbackToFile("/dashboard/{**page}", "index.html");
        return app;
    }
}
