using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;

namespace TradingAlerts.Api.Health;

/// <summary>
/// The collector files as the ingest agents report them into the grid (<see cref="IIngestStatusGrain"/>), wherever
/// they run, so every silo answers the same. Unhealthy when no agent reported a file, or a file is corrupt, blocked,
/// failing (any of its symbols fails), silent (its agent stopped reporting), waiting for its first row, or older than
/// <see cref="HealthOptions.SqliteStaleAfter"/> (docs/collector-health.md).
/// </summary>
internal sealed class CollectorFilesHealthCheck(IGrainFactory grains, IOptions<HealthOptions> health, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var options = health.Value;
        IReadOnlyList<IngestFileReport> reports;
        string? unavailable = null;
        try
        {
            reports = await grains.GetGrain<IIngestStatusGrain>(IIngestStatusGrain.Key).GetReports().WaitAsync(options.CheckTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The grid could not answer (starting, or its silo just left): unhealthy with the reason, not a 500.
            (reports, unavailable) = ([], $"The grid's ingest status did not answer: {ex.Message}");
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var view = IngestStatusView.From(reports, now, options.SqliteStaleAfter, options.IngestSilentAfter);
        var files = view.Files;
        var notOk = files.Where(f => f.Status != IngestStatusView.Ok).ToList();
        string? error = unavailable ?? (files.Count == 0
            ? "No ingest agent has reported a collector file (Ingest:SqlitePaths of the agent or a silo): none runs, none is configured, or none reached the grid yet"
            : notOk.Count > 0
                ? $"{notOk.Count} of {files.Count} collector file(s) not ok: {string.Join(", ", notOk.Select(f => $"{Path.GetFileName(f.File)} {f.Status}"))}"
                : null);
        long? lastUpdate = files.Max(f => f.LastUpdate);
        var status = error is null ? "healthy" : "unhealthy";
        double? ageSeconds = lastUpdate is { } last ? HealthBody.AgeSeconds(now, last) : null;
        var quarantined = files.Sum(f => f.Quarantined);
        var detailed = new
        {
            success = error is null,
            status,
            lastUpdate,
            ageSeconds,
            staleAfterSeconds = options.SqliteStaleAfter.TotalSeconds,
            quarantined,
            sources = files.Select(f => new
            {
                agent = f.Agent,
                file = Path.GetFileName(f.File),
                path = f.File,
                status = f.Status,
                reason = f.Reason,
                checkedAt = f.CheckedAt,
                lastUpdate = f.LastUpdate,
                lastSuccess = f.LastSuccess,
                // The first failing symbol's error; every symbol's own is in symbols[].
                lastError = f.Symbols.FirstOrDefault(s => s.LastError is not null) is { } failing ? $"{failing.Symbol}: {failing.LastError}" : null,
                ageSeconds = f.AgeSeconds,
                reportAgeSeconds = f.ReportAgeSeconds,
                quarantined = f.Quarantined,
                quarantineFile = f.QuarantineFile,
                symbols = f.Symbols.Select(s => new
                {
                    symbol = s.Symbol,
                    status = s.Status,
                    lastSeq = s.LastSeq,
                    lastUpdate = s.LastUpdate,
                    ageSeconds = s.AgeSeconds,
                    lagMs = s.LagMs,
                    lastSuccess = s.LastSuccess,
                    lastError = s.LastError,
                    lastErrorAt = s.LastErrorAt,
                    quarantined = s.Quarantined,
                }),
            }),
            error,
        };
        // The public port: status and counts only, no paths, no error messages.
        var counts = new
        {
            success = error is null,
            status,
            lastUpdate,
            ageSeconds,
            staleAfterSeconds = options.SqliteStaleAfter.TotalSeconds,
            quarantined,
            summary = new
            {
                files = files.Count,
                ok = files.Count(f => f.Status == IngestStatusView.Ok),
                waiting = files.Count(f => f.Status == IngestStatusView.Waiting),
                stale = files.Count(f => f.Status == IngestStatusView.Stale),
                failing = files.Count(f => f.Status == IngestStatusView.Failing),
                silent = files.Count(f => f.Status == IngestStatusView.Silent),
                blocked = files.Count(f => f.Status == IngestStatusView.Blocked),
                corrupt = files.Count(f => f.Status == IngestStatusView.Corrupt),
                failingSymbols = files.Sum(f => f.Symbols.Count(s => s.Status == IngestStatusView.Failing)),
                blockedSymbols = files.Sum(f => f.Symbols.Count(s => s.Status == IngestStatusView.Blocked)),
                corruptSymbols = files.Sum(f => f.Symbols.Count(s => s.Status == IngestStatusView.Corrupt)),
            },
            // Each file's status in the order of the admin port's sources, without its name or path.
            sources = files.Select(f => new { status = f.Status }),
        };
        return error is null
            ? HealthBody.Result(HealthStatus.Healthy, $"{files.Count} collector file(s) ok", detailed, counts)
            : HealthBody.Result(HealthStatus.Unhealthy, error, detailed, counts);
    }
}
