using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TradingAlerts.Ingest;

namespace TradingAlerts.Silo.Health;

/// <summary>
/// The collector files as the ingest agent in this process last saw them: Unhealthy when there is none, or one
/// is failing, waiting for its first row, or older than <see cref="HealthOptions.SqliteStaleAfter"/>.
/// </summary>
internal sealed class CollectorFilesHealthCheck(IngestStatus ingest, IOptions<IngestOptions> options, IOptions<HealthOptions> health, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var staleAfter = health.Value.SqliteStaleAfter;
        // The same paths the agent tails (it normalizes them the same way), plus any it reported on.
        var paths = options.Value.SqlitePaths.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Path.GetFullPath)
            .Concat(ingest.Sources.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var sources = paths.Select(path =>
        {
            var seen = ingest.Sources.GetValueOrDefault(path);
            double? age = seen?.LastWrittenAtMs is { } w ? HealthBody.AgeSeconds(now, w) : null;
            var status = seen?.LastError is not null ? "failing"
                : age is null ? "waiting"
                : age > staleAfter.TotalSeconds ? "stale"
                : "ok";
            return new
            {
                file = Path.GetFileName(path),
                status,
                lastUpdate = seen?.LastWrittenAtMs,
                lastSuccess = seen?.LastSuccess?.ToUnixTimeMilliseconds(),
                lastError = seen?.LastError,
                ageSeconds = age,
                // Rows that failed validation, kept with their reason in this JSON Lines file beside the collector file.
                quarantined = seen?.Quarantined ?? 0,
                quarantineFile = seen?.QuarantineFile,
            };
        }).ToList();

        string? error = sources.Count == 0
            ? "No collector files in this process (Ingest:SqlitePaths): the ingest agent runs elsewhere or is not configured"
            : sources.Count(s => s.status != "ok") is var bad and > 0
                ? $"{bad} of {sources.Count} collector file(s) not ok: {string.Join(", ", sources.Where(s => s.status != "ok").Select(s => $"{s.file} {s.status}"))}"
                : null;
        long? lastUpdate = sources.Max(s => s.lastUpdate);
        var body = new
        {
            success = error is null,
            status = error is null ? "healthy" : "unhealthy",
            lastUpdate,
            ageSeconds = lastUpdate is { } last ? HealthBody.AgeSeconds(now, last) : (double?)null,
            staleAfterSeconds = staleAfter.TotalSeconds,
            quarantined = sources.Sum(s => s.quarantined),
            sources,
            error,
        };
        return Task.FromResult(error is null
            ? HealthBody.Result(HealthStatus.Healthy, $"{sources.Count} collector file(s) ok", body)
            : HealthBody.Result(HealthStatus.Unhealthy, error, body));
    }
}
