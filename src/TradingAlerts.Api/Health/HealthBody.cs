using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TradingAlerts.Api.Health;

/// <summary>
/// The detailed health checks (pair freshness, collector files, PostgreSQL tables) carry the JSON bodies their
/// <c>/api/…/health</c> endpoint answers with in <see cref="HealthCheckResult.Data"/>: the full one for the admin port,
/// and one with status and counts only (no paths, no error messages) for the public port; the status decides 200 or 503.
/// </summary>
internal static class HealthBody
{
    public const string Key = "body";
    public const string PublicKey = "public";

    public static HealthCheckResult Result(HealthStatus status, string description, object body, object publicBody) =>
        new(status, description, data: new Dictionary<string, object> { [Key] = body, [PublicKey] = publicBody });

    /// <summary>Seconds from <paramref name="atMs"/> to <paramref name="nowMs"/>, never negative, one decimal.</summary>
    public static double AgeSeconds(long nowMs, long atMs) => Math.Round(Math.Max(0, nowMs - atMs) / 1000.0, 1);
}
