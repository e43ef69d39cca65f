namespace TradingAlerts.Api.Auth;

/// <summary>Token validation (section "Auth"): an HS256 key shared with the frontend, or an authority.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>HS256 signing key (at least 32 bytes). Never in the repository outside appsettings.Development.json.</summary>
    public string? SigningKey { get; set; }

    /// <summary>OpenID Connect authority whose keys sign the tokens (instead of a shared key).</summary>
    public string? Authority { get; set; }

    /// <summary>The <c>aud</c> every token must carry (the frontend that mints them sets it).</summary>
    public string Audience { get; set; } = "tradingalerts-api";

    /// <summary>The <c>iss</c> every token must carry.</summary>
    public string Issuer { get; set; } = "tradingalerts";
}
