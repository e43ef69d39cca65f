using System.Security.Claims;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Api.Endpoints;

/// <summary>The caller's tier: the <c>tier</c> claim of a valid token; no token means FREE.</summary>
internal static class CallerTier
{
    public const string Claim = "tier";

    public static Tier Of(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? TierAccess.ParseClaim(user.FindFirst(Claim)?.Value) : Tier.Free;

    public static string Name(Tier tier) => tier == Tier.Pro ? "PRO" : "FREE";
}
