using System.ComponentModel.DataAnnotations;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace TradingAlerts.Api.Admin;

/// <summary>
/// The admin credential (section "Admin"): HTTP Basic, separate from the users' tokens, so that whoever can mint
/// PRO tokens (the frontend) cannot open the admin pages, and a browser behind a tunnel can sign in by itself.
/// </summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    [Required]
    public string User { get; set; } = "admin";

    /// <summary>Required (at least 16 characters) when the Orleans dashboard is enabled.</summary>
    public string? Password { get; set; }
}

/// <summary>Checks <c>Authorization: Basic</c> against <see cref="AdminOptions"/>; challenges with <c>WWW-Authenticate: Basic</c>.</summary>
internal sealed class AdminBasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<AdminOptions> admin)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AdminBasic";
    public const string Policy = "Admin";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        string pair;
        try
        {
            pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter ?? string.Empty));
        }
        catch (FormatException)
        {
            return Task.FromResult(AuthenticateResult.Fail("Malformed Basic credential"));
        }

        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        var expected = admin.Value;
        if (colon < 0 || expected.Password is not { Length: > 0 } password
            || !(SameText(pair[..colon], expected.User) & SameText(pair[(colon + 1)..], password)))
        {
            return Task.FromResult(AuthenticateResult.Fail("Wrong admin credential"));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, expected.User), new Claim(ClaimTypes.Role, "admin")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"TradingAlerts admin\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }

    /// <summary>Constant-time: compares fixed-length hashes, so neither length nor content leaks through timing.</summary>
    private static bool SameText(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}

/// <summary>Registration and use of the admin credential.</summary>
internal static class AdminCredentialExtensions
{
    public const int MinimumPasswordLength = 16;

    /// <summary>The scheme and the "Admin" policy; <paramref name="required"/>: the silo refuses to start without a password.</summary>
    public static IServiceCollection AddAdminCredential(this IServiceCollection services, bool required)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations()
            .Validate(o => !required || o.Password is { Length: >= MinimumPasswordLength },
                $"Admin:Password must be set (at least {MinimumPasswordLength} characters) when the Orleans dashboard is enabled: the admin port requires it")
            .ValidateOnStart();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, AdminBasicAuthenticationHandler>(AdminBasicAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(AdminBasicAuthenticationHandler.Policy, policy => policy
            .AddAuthenticationSchemes(AdminBasicAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole("admin"));
        return services;
    }

    /// <summary>The endpoint requires the admin credential (401 with a Basic challenge without it).</summary>
    public static TBuilder RequireAdminCredential<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(AdminBasicAuthenticationHandler.Policy);
}
