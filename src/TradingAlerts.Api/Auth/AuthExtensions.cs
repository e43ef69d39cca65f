using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Api.Admin;
using TradingAlerts.Api.Caching;
using TradingAlerts.Api.Endpoints;
using TradingAlerts.Api.Errors;

namespace TradingAlerts.Api.Auth;

/// <summary>JWT bearer identity: no token = FREE, a valid token carries the tier, an invalid or expired one is 401.</summary>
internal static class AuthExtensions
{
    public static WebApplicationBuilder AddGridAuth(this WebApplicationBuilder builder)
    {
        // Read while building: the scheme is configured here and a missing key must stop the start, not fail per request.
        var options = builder.Configuration.ReadAtBuildTime<AuthOptions>(AuthOptions.Section);
        SigningKeyPolicy.CheckClaims(options);
        var signingKey = string.IsNullOrWhiteSpace(options.Authority)
            ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKeyPolicy.Check(options, builder.Environment.IsDevelopment())))
            : null;
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(Options.Create(options)); // the same instance behind IOptions<AuthOptions>
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            if (!string.IsNullOrWhiteSpace(options.Authority))
            {
                jwt.Authority = options.Authority;
                jwt.Audience = options.Audience;
                return;
            }

            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidIssuer = options.Issuer,
                ValidateAudience = true,
                ValidAudience = options.Audience,
                ValidateLifetime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                IssuerSigningKey = signingKey,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            };
            jwt.Events = new JwtBearerEvents
            {
                // Our envelope, not an empty 401.
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    var message = context.AuthenticateFailure is SecurityTokenExpiredException ? "Token expired" : "Invalid token";
                    await ApiError.Unauthorized(message).ExecuteAsync(context.HttpContext);
                },
            };
        });
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>
    /// A bearer token that fails validation is a 401 even on endpoints open to anonymous callers:
    /// a caller who sent credentials must learn they were rejected rather than silently get FREE. Admin-port endpoints
    /// check their own credential instead.
    /// </summary>
    public static IApplicationBuilder UseRejectInvalidTokens(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Headers.Authorization.Count > 0 && context.User.Identity?.IsAuthenticated != true && !context.IsAdminEndpoint())
        {
            var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
            if (!result.Succeeded)
            {
                await context.ChallengeAsync(JwtBearerDefaults.AuthenticationScheme);
                return;
            }

            context.User = result.Principal;
        }

        await next(context);
    });

    /// <summary>
    /// Development only: <c>POST /api/dev/token {"tier":"PRO","user":"alice"}</c> → <c>{"token":"…"}</c>. The user
    /// becomes the token's subject (what rate limits count by); without one, every token of a tier shares "dev-{tier}".
    /// </summary>
    public static IEndpointRouteBuilder MapDevTokenApi(this IEndpointRouteBuilder app, IWebHostEnvironment environment, AuthOptions options)
    {
        if (!environment.IsDevelopment() || options.SigningKey is not { Length: > 0 } key)
        {
            return app;
        }

        var credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256);

        app.MapPost("/api/dev/token", Results<Ok<DevTokenResponse>, BadRequest<ApiErrorBody>> (DevTokenRequest request) =>
        {
            // A malformed body never gets here (BadRequestHandler answers 400); a tier that is not one is refused, not made FREE.
            if (!string.IsNullOrWhiteSpace(request.Tier) && request.Tier.Trim().ToUpperInvariant() is not ("FREE" or "PRO"))
            {
                return ApiError.BadRequest($"Invalid tier: {request.Tier} (FREE or PRO)");
            }

            var tier = TierAccess.ParseClaim(request.Tier);
            var subject = string.IsNullOrWhiteSpace(request.User) ? $"dev-{CallerTier.Name(tier).ToLowerInvariant()}" : request.User.Trim();
            var token = new JwtSecurityToken(
                issuer: options.Issuer,
                audience: options.Audience,
                claims: [new Claim("sub", subject), new Claim(CallerTier.Claim, CallerTier.Name(tier))],
                expires: DateTime.UtcNow.AddHours(8),
                signingCredentials: credentials);
            return TypedResults.Ok(new DevTokenResponse(new JwtSecurityTokenHandler().WriteToken(token)));
        }).WithName("DevToken").WithSummary("Development only: a token for the given tier").WithTags("Development");
        return app;
    }

    private sealed record DevTokenRequest(string? Tier, string? User);

    private sealed record DevTokenResponse(string Token);
}
