using Microsoft.AspNetCore.StaticFiles;

namespace TradingAlerts.Api.Dashboard;

/// <summary>
/// Security headers of the dashboard's pages and files. The policy fits what the bundle does: its own module script
/// and stylesheet, <c>fetch</c> to the same origin (the API and the live streams), canvas drawing, a <c>data:</c>
/// favicon. Scripts come only from this origin, never inline. Styles allow inline: the pages size bars through style
/// attributes and lightweight-charts inserts a &lt;style&gt; element for its attribution link (CSS cannot run code).
/// </summary>
internal static class DashboardSecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Static file options that add the headers to every file served, the HTML shell included.</summary>
    public static StaticFileOptions StaticFiles() => new() { OnPrepareResponse = file => Apply(file.Context.Response.Headers) };

    public static void Apply(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
