namespace TradingAlerts.Api.Auth;

/// <summary>
/// What the silo accepts as its token settings before it starts. A missing key, or one of the placeholders this
/// repository publishes, would let anyone mint PRO tokens, so outside Development they stop the start.
/// </summary>
internal static class SigningKeyPolicy
{
    public const string MissingKey = "Auth:SigningKey must be set (at least 32 characters) unless Auth:Authority is";

    /// <summary>
    /// The placeholders this repository publishes (appsettings.Development.json, and the compose default of earlier
    /// releases) start with these: public, so development only. A prefix also catches a placeholder edited at its end.
    /// </summary>
    public static readonly string[] DevelopmentKeyPrefixes = ["development-only-", "dev-only-"];

    /// <summary>The configured key; throws, saying why, when the silo must not start with it.</summary>
    public static string Check(AuthOptions options, bool development)
    {
        if (options.SigningKey is not { Length: >= 32 } key)
        {
            throw new InvalidOperationException(MissingKey);
        }

        if (!development && DevelopmentKeyPrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException(
                "Auth:SigningKey is a published development key: outside Development set a secret one (openssl rand -base64 48), " +
                "e.g. AUTH_SIGNING_KEY for docker compose or the auth-signing-key of the Kubernetes secret");
        }

        return key;
    }

    /// <summary>Issuer and audience are what tell this deployment's tokens apart from any other's signed elsewhere.</summary>
    public static void CheckClaims(AuthOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.Audience))
        {
            throw new InvalidOperationException("Auth:Issuer and Auth:Audience must not be empty: every token is checked against them");
        }
    }
}
