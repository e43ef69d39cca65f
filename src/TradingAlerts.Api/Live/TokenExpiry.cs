using System.Globalization;
using System.Security.Claims;

namespace TradingAlerts.Api.Live;

/// <summary>When the caller's token stops being valid: a stream is checked at open only, so it must end then.</summary>
internal static class TokenExpiry
{
    /// <summary>The <c>exp</c> claim of a validated token; null for anonymous callers (nothing to expire).</summary>
    public static DateTimeOffset? Of(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && long.TryParse(user.FindFirst("exp")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
