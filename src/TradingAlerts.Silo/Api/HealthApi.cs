using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Npgsql;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Ingest;
using TradingAlerts.Silo.Health;
using TradingAlerts.Storage.Schema;

namespace TradingAlerts.Silo.Api;

/// <summary>
/// The seed's health endpoints: pair freshness from grain state, the collector files as the ingest agent
/// last saw them, and the PostgreSQL tables. Field names follow the seed (camelCase, <c>lastUpdate</c> in
/// unix ms, <c>connected</c>, <c>tables</c>); 503 whenever the answer is "something is wrong".
/// </summary>
internal static partial class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        MapProbe(app, "/api/indicators/health", GetFreshness, "GetIndicatorsHealth",
            "Freshness of all 135 pairs from grain state: latest bar, last data received, age, fresh/stale/empty");
        MapProbe(app, "/api/health/sqlite", GetSqliteHealth, "GetSqliteHealth",
            "Collector files as the ingest agent in this process last saw them (lastUpdate, errors, quarantined rows)");
        MapProbe(app, "/api/health/postgresql", GetPostgresHealth, "GetPostgresHealth",
            "PostgreSQL connectivity and how many of the 135 bar tables exist");
        return app;
    }

    /// <summary>A health endpoint: 200 healthy or 503, documented under "Health", outside the rate limits.</summary>
    private static void MapProbe(IEndpointRouteBuilder app, string pattern, Delegate handler, string name, string summary) =>
        app.MapGet(pattern, handler)
            .WithName(name)
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status503ServiceUnavailable)
            .WithSummary(summary)
            .WithTags("Health")
            .DisableRateLimiting(); // monitoring polls these; it must not spend a caller's quota

    public static async Task<IResult> GetFreshness(IGrainFactory grains, TimeProvider clock, IOptions<HealthOptions> health)
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
        var status = counts.GetValueOrDefault("fresh") == pairs.Count ? "healthy" : anyData ? "degraded" : "unhealthy";
        return TypedResults.Json(new
        {
            success = anyData,
            status,
            checkedAt = now,
            summary = new
            {
                fresh = counts.GetValueOrDefault("fresh"),
                stale = counts.GetValueOrDefault("stale"),
                empty = counts.GetValueOrDefault("empty"),
                unavailable = counts.GetValueOrDefault("unavailable"),
            },
            pairs,
        }, statusCode: anyData ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static FreshnessRow PairStatus(Pair pair, PairFreshness? f, long nowMs, double staleAfterBars)
    {
        var staleAfter = staleAfterBars * pair.Timeframe.Seconds();
        if (f is null)
        {
            return new FreshnessRow(pair.Symbol, pair.Timeframe.Name(), "unavailable", 0, null, null, null, null, staleAfter);
        }

        // When the grain last got data (silo clock); after a failover only the collector's write time is known.
        var lastUpdate = f.LastReceivedAtMs ?? f.LastWrittenAtMs;
        double? age = lastUpdate is { } at ? Math.Round(Math.Max(0, nowMs - at) / 1000.0, 1) : null;
        var status = f.Bars == 0 ? "empty" : age <= staleAfter ? "fresh" : "stale";
        return new FreshnessRow(pair.Symbol, pair.Timeframe.Name(), status, f.Bars, f.LatestBarTime, lastUpdate, f.LastWrittenAtMs, age, staleAfter);
    }

    public static IResult GetSqliteHealth(IngestStatus ingest, IOptions<IngestOptions> options, IOptions<HealthOptions> health, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var staleAfter = health.Value.SqliteStaleAfter;
        // The same paths the agent tails (it normalizes them the same way), plus any it reported on.
        var paths = options.Value.SqlitePaths.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Path.GetFullPath)
            .Concat(ingest.Sources.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var sources = paths.Select(path =>
        {
            var seen = ingest.Sources.GetValueOrDefault(path);
            double? age = seen?.LastWrittenAtMs is { } w ? Math.Round(Math.Max(0, now.ToUnixTimeMilliseconds() - w) / 1000.0, 1) : null;
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
        return TypedResults.Json(new
        {
            success = error is null,
            status = error is null ? "healthy" : "unhealthy",
            lastUpdate,
            ageSeconds = lastUpdate is { } last ? Math.Round(Math.Max(0, now.ToUnixTimeMilliseconds() - last) / 1000.0, 1) : (double?)null,
            staleAfterSeconds = staleAfter.TotalSeconds,
            quarantined = sources.Sum(s => s.quarantined),
            sources,
            error,
        }, statusCode: error is null ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    public static async Task<IResult> GetPostgresHealth(
        [FromServices] NpgsqlDataSource? dataSource, IOptions<HealthOptions> health, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var expected = Pair.All.Count;
        if (dataSource is null)
        {
            // Embedded mode by design, not a failure: nothing to connect to.
            return TypedResults.Json(new
            {
                success = true,
                status = "not_configured",
                mode = "embedded",
                connected = false,
                tables = 0,
                expectedTables = expected,
                message = "PostgreSQL is not configured (ConnectionStrings:Postgres): embedded mode, grain state in memory, no write-through",
            });
        }

        HashSet<string> existing;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(health.Value.CheckTimeout);
            await using var connection = await dataSource.OpenConnectionAsync(timeout.Token);
            existing = await BarTables.ExistingAsync(connection, timeout.Token);
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(loggers.CreateLogger(typeof(HealthApi).FullName!), ex);
            return TypedResults.Json(new
            {
                success = false,
                status = "unhealthy",
                mode = "cluster",
                connected = false,
                tables = (int?)null,
                expectedTables = expected,
                error = "PostgreSQL is unreachable",
            }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var missing = Pair.All.Select(p => p.TableName).Where(t => !existing.Contains(t)).ToList();
        return TypedResults.Json(new
        {
            success = missing.Count == 0,
            status = missing.Count == 0 ? "healthy" : "unhealthy",
            mode = "cluster",
            connected = true,
            tables = existing.Count,
            expectedTables = expected,
            missingTables = missing,
        }, statusCode: missing.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL health: the database did not answer")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);

    /// <summary>One pair of the freshness report (camelCase in JSON).</summary>
    /// <param name="LastUpdate">When the pair last received data (unix ms).</param>
    /// <param name="LastWrittenAt">Newest collector write time of that data (unix ms).</param>
    private sealed record FreshnessRow(
        string Symbol, string Timeframe, string Status, int Bars, long? LatestBarTime,
        long? LastUpdate, long? LastWrittenAt, double? AgeSeconds, double StaleAfterSeconds);
}
