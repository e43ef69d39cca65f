using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;

namespace TradingAlerts.Api.Health;

/// <summary>
/// Freshness of all 135 pairs from grain state: fresh when data arrived within <see cref="HealthOptions.StaleAfterBars"/>
/// bar durations. Healthy when all are fresh, Degraded when some have data, Unhealthy when none has.
/// </summary>
internal sealed class PairFreshnessHealthCheck(IGrainFactory grains, TimeProvider clock, IOptions<HealthOptions> health) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // One cheap interleaved call per pair, all in parallel; a grain that cannot answer is reported, not fatal.
        var timeout = health.Value.CheckTimeout;
        var answers = await Task.WhenAll(Pair.All.Select(async pair =>
        {
            try
            {
                return (pair, freshness: await grains.GetGrain<ITimeframeGrain>(pair.Key).GetFreshness().WaitAsync(timeout));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return (pair, freshness: (PairFreshness?)null);
            }
        }));

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var pairs = answers.Select(a => PairStatus(a.pair, a.freshness, now, health.Value.StaleAfterBars)).ToList();
        var counts = pairs.CountBy(p => p.Status).ToDictionary();
        var anyData = pairs.Any(p => p.Bars > 0);
        var (status, name) = counts.GetValueOrDefault("fresh") == pairs.Count ? (HealthStatus.Healthy, "healthy")
            : anyData ? (HealthStatus.Degraded, "degraded")
            : (HealthStatus.Unhealthy, "unhealthy");
        var summary = new
        {
            fresh = counts.GetValueOrDefault("fresh"),
            stale = counts.GetValueOrDefault("stale"),
            empty = counts.GetValueOrDefault("empty"),
            unavailable = counts.GetValueOrDefault("unavailable"),
            total = pairs.Count,
        };
        return HealthBody.Result(status,
            $"{summary.fresh} fresh, {summary.stale} stale, {summary.empty} empty, {summary.unavailable} unavailable of {pairs.Count} pairs",
            new { success = anyData, status = name, checkedAt = now, summary, pairs },
            new { success = anyData, status = name, checkedAt = now, summary });
    }

    internal static FreshnessRow PairStatus(Pair pair, PairFreshness? f, long nowMs, double staleAfterBars)
    {
        var staleAfter = staleAfterBars * pair.Timeframe.Seconds();
        if (f is null)
        {
            return new FreshnessRow(pair.Symbol, pair.Timeframe.Name(), "unavailable", 0, null, null, null, null, staleAfter);
        }

        // When the grain last got data (silo clock); after a failover only the collector's write time is known.
        var lastUpdate = f.LastReceivedAtMs ?? f.LastWrittenAtMs;
        double? age = lastUpdate is { } at ? HealthBody.AgeSeconds(nowMs, at) : null;
        var status = f.Bars == 0 ? "empty" : age <= staleAfter ? "fresh" : "stale";
        return new FreshnessRow(pair.Symbol, pair.Timeframe.Name(), status, f.Bars, f.LatestBarTime, lastUpdate, f.LastWrittenAtMs, age, staleAfter);
    }

    /// <summary>One pair of the freshness report (camelCase in JSON).</summary>
    /// <param name="LastUpdate">When the pair last received data (unix ms).</param>
    /// <param name="LastWrittenAt">Newest collector write time of that data (unix ms).</param>
    internal sealed record FreshnessRow(
        string Symbol, string Timeframe, string Status, int Bars, long? LatestBarTime,
        long? LastUpdate, long? LastWrittenAt, double? AgeSeconds, double StaleAfterSeconds);
}
