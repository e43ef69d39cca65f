using System.Net;
using System.Text.Json;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.MultiProcess;

/// <summary>
/// Ingest status in the production shape: the agent runs as its own process (an Orleans client), yet the silo, which
/// tails no file, answers <c>/api/health/sqlite</c> from what the agent reported into the grid, per (file, symbol): a
/// failing symbol stays failing while another symbol of the same file succeeds, and a killed agent's file goes silent.
/// Details (paths, errors) on the admin port only.
/// </summary>
[Collection(AgentProcessGrid.Collection)]
public sealed class IngestStatusAcrossProcessesTests(AgentProcessGrid grid)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Silo_outside_the_agent_process_reports_each_symbol_and_keeps_a_failing_one_visible()
    {
        var (_, lastSeq) = AgentProcessGrid.Expected(grid.File.Path, AgentProcessGrid.Healthy);
        var (status, body, _) = await Eventually.UntilAsync("the agent's status for both symbols, EURUSD caught up and GBPUSD failing",
            () => AgentProcessGrid.GetJson(grid.Admin, "/api/health/sqlite"),
            r => Symbol(r.Body, grid.File.Path, AgentProcessGrid.Healthy) is { } ok && ok.GetProperty("lastSeq").ValueKind == JsonValueKind.Number
                && ok.GetProperty("lastSeq").GetInt64() == lastSeq
                && Symbol(r.Body, grid.File.Path, AgentProcessGrid.Failing)?.GetProperty("status").GetString() == "failing",
            AgentProcessGrid.Bounded, cancellationToken: Ct);

        // One file with a failing symbol: the answer is 503 and names it; the silo's own process tails nothing.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var source = File(body, grid.File.Path)!.Value;
        Assert.Equal(("agent", grid.File.Path, "failing"), (source.GetProperty("agent").GetString(), source.GetProperty("path").GetString(), source.GetProperty("status").GetString()));
        var failing = Symbol(body, grid.File.Path, AgentProcessGrid.Failing)!.Value;
        Assert.Contains(AgentProcessGrid.DroppedTable, failing.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Contains(AgentProcessGrid.DroppedTable, source.GetProperty("lastError").GetString(), StringComparison.Ordinal);

        // Every success of EURUSD since then has left GBPUSD's error in place, and EURUSD's own status is clean.
        var healthy = Symbol(body, grid.File.Path, AgentProcessGrid.Healthy)!.Value;
        Assert.Equal("ok", healthy.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, healthy.GetProperty("lastError").ValueKind);
        (_, body, _) = await Eventually.UntilAsync("EURUSD to succeed again after GBPUSD's latest failure",
            () => AgentProcessGrid.GetJson(grid.Admin, "/api/health/sqlite"),
            r => Symbol(r.Body, grid.File.Path, AgentProcessGrid.Healthy)!.Value.GetProperty("lastSuccess").GetInt64()
                > Symbol(r.Body, grid.File.Path, AgentProcessGrid.Failing)!.Value.GetProperty("lastErrorAt").GetInt64(),
            AgentProcessGrid.Bounded, cancellationToken: Ct);
        Assert.Equal("failing", Symbol(body, grid.File.Path, AgentProcessGrid.Failing)!.Value.GetProperty("status").GetString());

        // The public port: status and counts, neither the path nor the error.
        var (publicStatus, publicBody, publicText) = await AgentProcessGrid.GetJson(grid.Public, "/api/health/sqlite");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, publicStatus);
        Assert.Equal("unhealthy", publicBody.GetProperty("status").GetString());
        var summary = publicBody.GetProperty("summary");
        Assert.Equal((1, 1), (summary.GetProperty("failing").GetInt32(), summary.GetProperty("failingSymbols").GetInt32()));
        Assert.Equal(body.GetProperty("sources").GetArrayLength(), summary.GetProperty("files").GetInt32());
        // Per file only its status: no path, name, symbol or error.
        Assert.All(publicBody.GetProperty("sources").EnumerateArray(), s => Assert.Equal(["status"], s.EnumerateObject().Select(p => p.Name)));
        Assert.DoesNotContain(Path.GetFileName(grid.File.Path), publicText, StringComparison.Ordinal);
        Assert.DoesNotContain(AgentProcessGrid.DroppedTable, publicText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Killed_agent_goes_silent_while_the_others_keep_reporting()
    {
        using var other = new TempCollectorFile();
        other.WriteHistory(1, "XAUUSD");
        var (_, lastSeq) = AgentProcessGrid.Expected(other.Path, "XAUUSD");
        var agent = grid.StartAgent("agent-b", other.Path);
        await Eventually.UntilAsync("agent-b's file to be ingested and reported ok",
            () => AgentProcessGrid.GetJson(grid.Admin, "/api/health/sqlite"),
            r => File(r.Body, other.Path) is { } f && f.GetProperty("status").GetString() == "ok"
                && f.GetProperty("symbols").EnumerateArray().Any(s => s.GetProperty("symbol").GetString() == "XAUUSD"
                    && s.GetProperty("lastSeq").ValueKind == JsonValueKind.Number && s.GetProperty("lastSeq").GetInt64() == lastSeq),
            AgentProcessGrid.Bounded, cancellationToken: Ct);

        agent.Kill(); // SIGKILL: no goodbye, it just stops reporting
        var (_, body, _) = await Eventually.UntilAsync("agent-b's file to go silent",
            () => AgentProcessGrid.GetJson(grid.Admin, "/api/health/sqlite"),
            r => File(r.Body, other.Path)?.GetProperty("status").GetString() == "silent", AgentProcessGrid.Bounded, cancellationToken: Ct);

        var silent = File(body, other.Path)!.Value;
        Assert.All(silent.GetProperty("symbols").EnumerateArray(), s => Assert.Equal("silent", s.GetProperty("status").GetString()));
        Assert.True(silent.GetProperty("reportAgeSeconds").GetDouble() > 3);
        // The first agent still reports: its file is judged on its own (failing, not silent).
        Assert.Equal("failing", File(body, grid.File.Path)!.Value.GetProperty("status").GetString());
    }

    private static JsonElement? File(JsonElement body, string path) =>
        body.GetProperty("sources").EnumerateArray().Where(s => s.GetProperty("path").GetString() == path).Cast<JsonElement?>().FirstOrDefault();

    private static JsonElement? Symbol(JsonElement body, string path, string symbol) =>
        body.TryGetProperty("sources", out _) && File(body, path) is { } file
            ? file.GetProperty("symbols").EnumerateArray().Where(s => s.GetProperty("symbol").GetString() == symbol).Cast<JsonElement?>().FirstOrDefault()
            : null;
}
