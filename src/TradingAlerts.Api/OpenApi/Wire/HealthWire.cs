
namespace TradingAlerts.Api.OpenApi.Wire;

// The bodies the detailed health checks build (src/TradingAlerts.Api/Health), for the OpenAPI document only. The public
// port answers status and counts; fields marked "admin port" are sent only there (HealthApi).

/// <summary><c>GET /api/indicators/health</c>. status: healthy, degraded or unhealthy.</summary>
internal sealed record IndicatorsHealthWire
{
    public required bool Success { get; init; }

    public required string Status { get; init; }

    /// <summary>Unix ms.</summary>
    public required long CheckedAt { get; init; }

    public required PairFreshnessSummaryWire Summary { get; init; }

    /// <summary>Admin port only.</summary>
    public IReadOnlyList<PairFreshnessWire> Pairs { get; init; } = [];
}

internal sealed record PairFreshnessSummaryWire
{
    public required int Fresh { get; init; }

    public required int Stale { get; init; }

    public required int Empty { get; init; }

    public required int Unavailable { get; init; }

    /// <summary>Pairs whose market is closed now (their sessions, <c>GET /api/symbols</c>): not stale.</summary>
    public required int Closed { get; init; }

    public required int Total { get; init; }
}

/// <summary>status: fresh, stale, empty, unavailable or closed (the market is closed now); times unix ms (latestBarTime unix seconds).</summary>
internal sealed record PairFreshnessWire
{
    public required string Symbol { get; init; }

    public required string Timeframe { get; init; }

    public required string Status { get; init; }

    public required int Bars { get; init; }

    public required long? LatestBarTime { get; init; }

    public required long? LastUpdate { get; init; }

    public required long? LastWrittenAt { get; init; }

    public required double? AgeSeconds { get; init; }

    public required double StaleAfterSeconds { get; init; }
}

/// <summary><c>GET /api/health/sqlite</c>: the collector files as the ingest agents reported them (docs/collector-health.md).</summary>
internal sealed record SqliteHealthWire
{
    public required bool Success { get; init; }

    /// <summary>healthy or unhealthy.</summary>
    public required string Status { get; init; }

    /// <summary>Newest collector write ingested (unix ms).</summary>
    public required long? LastUpdate { get; init; }

    public required double? AgeSeconds { get; init; }

    public required double StaleAfterSeconds { get; init; }

    public required int Quarantined { get; init; }

    /// <summary>Public port only.</summary>
    public SqliteSummaryWire? Summary { get; init; }

    /// <summary>Per file; on the public port its status only.</summary>
    public required IReadOnlyList<SqliteSourceWire> Sources { get; init; }

    /// <summary>Admin port only: why the answer is unhealthy, or null.</summary>
    public string? Error { get; init; }
}

internal sealed record SqliteSummaryWire
{
    public required int Files { get; init; }

    public required int Ok { get; init; }

    public required int Waiting { get; init; }

    public required int Stale { get; init; }

    public required int Failing { get; init; }

    public required int Silent { get; init; }

    public required int Blocked { get; init; }

    public required int Corrupt { get; init; }

    public required int FailingSymbols { get; init; }

    public required int BlockedSymbols { get; init; }

    public required int CorruptSymbols { get; init; }
}

/// <summary>One collector file. status: ok, waiting, stale, failing, silent, blocked or corrupt; every other field admin port only.</summary>
internal sealed record SqliteSourceWire
{
    public required string Status { get; init; }

    public string Agent { get; init; } = "";

    public string File { get; init; } = "";

    public string Path { get; init; } = "";

    public string? Reason { get; init; }

    public long? CheckedAt { get; init; }

    public long? LastUpdate { get; init; }

    public long? LastSuccess { get; init; }

    public string? LastError { get; init; }

    public double? AgeSeconds { get; init; }

    public double ReportAgeSeconds { get; init; }

    public int Quarantined { get; init; }

    public string? QuarantineFile { get; init; }

    public IReadOnlyList<SqliteSymbolWire> Symbols { get; init; } = [];
}

internal sealed record SqliteSymbolWire
{
    public required string Symbol { get; init; }

    public required string Status { get; init; }

    public required long? LastSeq { get; init; }

    public required long? LastUpdate { get; init; }

    public required double? AgeSeconds { get; init; }

    public required long? LagMs { get; init; }

    public required long? LastSuccess { get; init; }

    public required string? LastError { get; init; }

    public required long? LastErrorAt { get; init; }

    public required int Quarantined { get; init; }
}

/// <summary>
/// <c>GET /api/health/postgresql</c>. status: healthy, missing_tables, unreachable, timing_out, failing, or not_configured
/// (embedded, by design). docs/api-errors.md says what each means.
/// </summary>
internal sealed record PostgresHealthWire
{
    public required bool Success { get; init; }

    public required string Status { get; init; }

    /// <summary>embedded or cluster.</summary>
    public required string Mode { get; init; }

    public required bool Connected { get; init; }

    /// <summary>Bar tables found; null when the probe failed before listing them.</summary>
    public required int? Tables { get; init; }

    public required int ExpectedTables { get; init; }

    /// <summary>Admin port only, when connected.</summary>
    public IReadOnlyList<string> MissingTables { get; init; } = [];

    /// <summary>When the probe failed: what failed, a fixed text.</summary>
    public string Error { get; init; } = "";

    /// <summary>Embedded mode: why there is no database.</summary>
    public string Message { get; init; } = "";
}
