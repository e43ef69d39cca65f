namespace TradingAlerts.Silo.Hosting;

/// <summary>The embedded default address, used only when neither --urls nor ASPNETCORE_URLS says otherwise.</summary>
internal static class DefaultUrl
{
    public const string Value = "http://localhost:5080";

    public static WebApplicationBuilder UseDefaultUrl(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(Value);
        }

        return builder;
    }
}
