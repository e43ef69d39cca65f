using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Api.Health;

/// <summary>
/// The ingest agents' reports (from the grid's status grain) judged against the health thresholds: per file and per
/// (file, symbol) ok, waiting, stale, failing, blocked, corrupt, or silent when its agent stopped reporting
/// (docs/collector-health.md says what each means and what an operator does about it). The collector-files
/// health check renders it; the metrics sampler exports it as gauges.
/// </summary>
internal sealed record IngestStatusView(IReadOnlyList<IngestFileView> Files)
{
    public const string Ok = "ok";
    public const string Waiting = "waiting";
    public const string Stale = "stale";
    public const string Failing = "failing";
    public const string Silent = "silent";
    public const string Blocked = IngestSymbolStatus.Blocked;
    public const string Corrupt = IngestSymbolStatus.Corrupt;

    /// <summary>Every status, worst first: a file or symbol gets the first that applies.</summary>
    public static readonly IReadOnlyList<string> All = [Silent, Corrupt, Blocked, Failing, Waiting, Stale, Ok];

    public static IngestStatusView From(IReadOnlyList<IngestFileReport> reports, long nowMs, TimeSpan staleAfter, TimeSpan silentAfter) =>
        new([.. reports.OrderBy(r => r.Status.Agent, StringComparer.Ordinal).ThenBy(r => r.Status.File, StringComparer.Ordinal)
            .Select(r => IngestFileView.From(r, nowMs, staleAfter, silentAfter))]);
}

/// <param name="Status">
/// ok, waiting (no row ingested yet), stale (newest write older than the threshold), failing (a symbol fails), blocked (a
/// read waited past the busy timeout on a lock), corrupt (quick_check or a read found damage), silent (no report for a while).
/// </param>
/// <param name="LastUpdate">Newest collector write ingested from the file (unix ms).</param>
/// <param name="ReportAgeSeconds">Seconds since the agent's last report arrived.</param>
/// <param name="Reason">Why the file is not ok (the quick_check result, or the first such symbol's error), or null.</param>
/// <param name="CheckedAt">When the agent's last quick_check of the file completed (unix ms), or null.</param>
internal sealed record IngestFileView(
    string Agent, string File, string Status, long? LastUpdate, long? LastSuccess, double? AgeSeconds, double ReportAgeSeconds,
    int Quarantined, string? QuarantineFile, IReadOnlyList<IngestSymbolView> Symbols, string? Reason = null, long? CheckedAt = null)
{
    public static IngestFileView From(IngestFileReport report, long nowMs, TimeSpan staleAfter, TimeSpan silentAfter)
    {
        var file = report.Status;
        var reportAge = HealthBody.AgeSeconds(nowMs, report.ReceivedAtMs);
        var silent = reportAge > silentAfter.TotalSeconds;
        var symbols = file.Symbols.Select(s => IngestSymbolView.From(s, nowMs, staleAfter, silent)).ToList();
        var lastUpdate = file.Symbols.Max(s => s.LastWrittenAtMs);
        double? age = lastUpdate is { } w ? HealthBody.AgeSeconds(nowMs, w) : null;
        // A file carries only some symbols: those without rows wait quietly; the file is judged by its newest write.
        // A fault of the file itself (corrupt, blocked) outranks a failing symbol: it is what the operator must fix.
        var status = silent ? IngestStatusView.Silent
            : file.Corrupt is not null || Any(symbols, IngestStatusView.Corrupt) ? IngestStatusView.Corrupt
            : Any(symbols, IngestStatusView.Blocked) ? IngestStatusView.Blocked
            : Any(symbols, IngestStatusView.Failing) ? IngestStatusView.Failing
            : age is null ? IngestStatusView.Waiting
            : age > staleAfter.TotalSeconds ? IngestStatusView.Stale
            : IngestStatusView.Ok;
        var reason = status == IngestStatusView.Corrupt && file.Corrupt is not null ? file.Corrupt
            : symbols.FirstOrDefault(s => s.Status == status && s.LastError is not null) is { } first ? $"{first.Symbol}: {first.LastError}"
            : null;
        return new IngestFileView(file.Agent, file.File, status, lastUpdate, file.Symbols.Max(s => s.LastSuccessMs), age, reportAge,
            file.Quarantined, file.QuarantineFile, symbols, reason, file.CheckedAtMs);
    }

    private static bool Any(IEnumerable<IngestSymbolView> symbols, string status) => symbols.Any(s => s.Status == status);
}

/// <param name="Status">
/// ok, waiting (no row of it ingested yet), stale, failing (its last pass failed), blocked or corrupt (its last pass failed
/// because the file was locked past the busy timeout, or damaged), silent (its agent stopped reporting).
/// </param>
internal sealed record IngestSymbolView(
    string Symbol, string Status, long? LastSeq, long? LastUpdate, double? AgeSeconds, long? LagMs, long? LastSuccess,
    string? LastError, long? LastErrorAt, int Quarantined)
{
    public static IngestSymbolView From(IngestSymbolStatus s, long nowMs, TimeSpan staleAfter, bool silent)
    {
        double? age = s.LastWrittenAtMs is { } w ? HealthBody.AgeSeconds(nowMs, w) : null;
        var status = silent ? IngestStatusView.Silent
            : s.LastError is not null && s.Fault is IngestStatusView.Corrupt or IngestStatusView.Blocked ? s.Fault
            : s.LastError is not null ? IngestStatusView.Failing
            : age is null ? IngestStatusView.Waiting
            : age > staleAfter.TotalSeconds ? IngestStatusView.Stale
            : IngestStatusView.Ok;
        return new IngestSymbolView(s.Symbol, status, s.LastSeq, s.LastWrittenAtMs, age, s.LagMs, s.LastSuccessMs, s.LastError, s.LastErrorAtMs, s.Quarantined);
    }
}
