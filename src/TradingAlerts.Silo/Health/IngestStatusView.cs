using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Silo.Health;

/// <summary>
/// The ingest agents' reports (from the grid's status grain) judged against the health thresholds: per file and per
/// (file, symbol) ok, waiting, stale, failing, or silent when its agent stopped reporting. The collector-files
/// health check renders it; the metrics sampler exports it as gauges.
/// </summary>
internal sealed record IngestStatusView(IReadOnlyList<IngestFileView> Files)
{
    public const string Ok = "ok";
    public const string Waiting = "waiting";
    public const string Stale = "stale";
    public const string Failing = "failing";
    public const string Silent = "silent";

    public static IngestStatusView From(IReadOnlyList<IngestFileReport> reports, long nowMs, TimeSpan staleAfter, TimeSpan silentAfter) =>
        new([.. reports.OrderBy(r => r.Status.Agent, StringComparer.Ordinal).ThenBy(r => r.Status.File, StringComparer.Ordinal)
            .Select(r => IngestFileView.From(r, nowMs, staleAfter, silentAfter))]);
}

/// <param name="Status">ok, waiting (no row ingested yet), stale (newest write older than the threshold), failing (a symbol fails), silent (no report for a while).</param>
/// <param name="LastUpdate">Newest collector write ingested from the file (unix ms).</param>
/// <param name="ReportAgeSeconds">Seconds since the agent's last report arrived.</param>
internal sealed record IngestFileView(
    string Agent, string File, string Status, long? LastUpdate, long? LastSuccess, double? AgeSeconds, double ReportAgeSeconds,
    int Quarantined, string? QuarantineFile, IReadOnlyList<IngestSymbolView> Symbols)
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
        var status = silent ? IngestStatusView.Silent
            : symbols.Any(s => s.Status == IngestStatusView.Failing) ? IngestStatusView.Failing
            : age is null ? IngestStatusView.Waiting
            : age > staleAfter.TotalSeconds ? IngestStatusView.Stale
            : IngestStatusView.Ok;
        return new IngestFileView(file.Agent, file.File, status, lastUpdate, file.Symbols.Max(s => s.LastSuccessMs), age, reportAge,
            file.Quarantined, file.QuarantineFile, symbols);
    }
}

/// <param name="Status">ok, waiting (no row of it ingested yet), stale, failing (its last pass failed), silent (its agent stopped reporting).</param>
internal sealed record IngestSymbolView(
    string Symbol, string Status, long? LastSeq, long? LastUpdate, double? AgeSeconds, long? LagMs, long? LastSuccess,
    string? LastError, long? LastErrorAt, int Quarantined)
{
    public static IngestSymbolView From(IngestSymbolStatus s, long nowMs, TimeSpan staleAfter, bool silent)
    {
        double? age = s.LastWrittenAtMs is { } w ? HealthBody.AgeSeconds(nowMs, w) : null;
        var status = silent ? IngestStatusView.Silent
            : s.LastError is not null ? IngestStatusView.Failing
            : age is null ? IngestStatusView.Waiting
            : age > staleAfter.TotalSeconds ? IngestStatusView.Stale
            : IngestStatusView.Ok;
        return new IngestSymbolView(s.Symbol, status, s.LastSeq, s.LastWrittenAtMs, age, s.LagMs, s.LastSuccessMs, s.LastError, s.LastErrorAtMs, s.Quarantined);
    }
}
