namespace TradingAlerts.Silo.Auth;

/// <summary>Token validation (section "Auth"): an HS256 key shared with the frontend, or an authority.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>HS256 signing key (at least 32 bytes). Never in the repository outside appsettings.Development.json.</summary>
    public string? SigningKey { get; set; }

    /// <summary>OpenID Connect authority whose keys sign the tokens (instead of a shared key).</summary>
    public string? Authority { get; set; }

    public string? Audience { get; set; }

    public string Issuer { get; set; } = "tradingalerts-dev";
}
