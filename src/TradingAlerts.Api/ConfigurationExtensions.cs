namespace TradingAlerts.Api;

/// <summary>
/// The one place options are read by hand. Services read <c>IOptions&lt;T&gt;</c>, bound once with validation on
/// start; only what shapes the host itself is needed before the container exists: Orleans endpoints and
/// clustering inside <c>UseOrleans</c>, the admin port in Kestrel's URLs, whether the demo collector is
/// registered, and the JWT scheme with its fail-fast signing-key check.
/// </summary>
internal static class ConfigurationExtensions
{
    public static T ReadAtBuildTime<T>(this IConfiguration configuration, string section)
        where T : new() =>
        configuration.GetSection(section).Get<T>() ?? new T();
}
