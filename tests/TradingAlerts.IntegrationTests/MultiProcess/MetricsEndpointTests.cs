using System.Net;
using System.Net.Http.Headers;
using TradingAlerts.IntegrationTests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace TradingAlerts.IntegrationTests.MultiProcess;

/// <summary>
/// <c>/metrics</c> of a real silo process on its admin port, after an agent process ingested a collector file: our
/// instruments with values recomputed from the file and the calls made, Orleans', ASP.NET Core's and Npgsql's meters;
/// the public port does not serve it. The shipped alert rules and dashboard name only series it exports.
/// </summary>
[Collection(AgentProcessGrid.Collection)]
public sealed class MetricsEndpointTests(AgentProcessGrid grid)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admin_port_exports_our_instruments_with_the_values_of_what_happened()
    {
        var (rows, lastSeq) = AgentProcessGrid.Expected(grid.File.Path, AgentProcessGrid.Healthy);
        var samples = await Eventually.UntilAsync("EURUSD's rows written through and its cursor sampled",
            grid.ScrapeAsync,
            s => Value(s, "tradingalerts_grid_rows_written_total", ("symbol", AgentProcessGrid.Healthy)) == rows
                && Value(s, "tradingalerts_ingest_symbol_last_seq", ("symbol", AgentProcessGrid.Healthy)) == lastSeq
                && Value(s, "tradingalerts_ingest_symbol_failing", ("symbol", AgentProcessGrid.Failing)) == 1,
            AgentProcessGrid.Bounded, cancellationToken: Ct);

        // Every write-through of the grid was timed (GBPUSD H1's grain cannot even activate without its table).
        Assert.True(Value(samples, "tradingalerts_grid_write_through_duration_seconds_count", ("outcome", "ok")) > 0);
        Assert.Equal(0, Value(samples, "tradingalerts_ingest_symbol_failing", ("symbol", AgentProcessGrid.Healthy)));
        Assert.True(Value(samples, "tradingalerts_ingest_files", ("status", "failing")) >= 1);
        // EURUSD's nine pairs hold bars from 2022: stale. GBPUSD's H1 never got any: empty.
        Assert.Equal(135, samples.Where(s => s.Name == "tradingalerts_pairs").Sum(s => s.Value));

        // Calls: a miss then a hit of the response cache, an open stream, then over the FREE quota.
        using var first = await grid.Public.GetAsync(new Uri("/api/indicators/EURUSD/H1?limit=10", UriKind.Relative), Ct);
        using var second = await grid.Public.GetAsync(new Uri("/api/indicators/EURUSD/H1?limit=10", UriKind.Relative), Ct);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        using var stream = await grid.Public.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/stream/EURUSD/H1")
        {
            Headers = { Accept = { new MediaTypeWithQualityHeaderValue("text/event-stream") } },
        }, HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= AgentProcessGrid.FreePerHour - 3; i++)
        {
            using var response = await grid.Public.GetAsync(new Uri("/api/symbols", UriKind.Relative), Ct);
            answers.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        samples = await Eventually.UntilAsync("the live client to be counted", grid.ScrapeAsync,
            s => Value(s, "tradingalerts_live_clients") == 1, AgentProcessGrid.Bounded, cancellationToken: Ct);
        Assert.Equal(1, Value(samples, "tradingalerts_api_response_cache_requests_total", ("result", "hit")));
        Assert.Equal(1, Value(samples, "tradingalerts_api_response_cache_requests_total", ("result", "miss")));
        // The cache's own accounting: the one EURUSD H1 body it holds, within the default budget.
        Assert.Equal(64 * 1024 * 1024, Value(samples, "tradingalerts_api_response_cache_budget_bytes"));
        Assert.Equal(1, Value(samples, "tradingalerts_api_response_cache_entries"));
        Assert.InRange(Value(samples, "tradingalerts_api_response_cache_held_bytes"), second.Content.Headers.ContentLength!.Value, 64 * 1024 * 1024);
        Assert.Equal(0, Value(samples, "tradingalerts_api_response_cache_evictions_total", ("reason", "capacity")));
        Assert.Equal(answers.Count(a => a == HttpStatusCode.TooManyRequests),
            Value(samples, "aspnetcore_rate_limiting_requests_total", ("aspnetcore_rate_limiting_result", "global_limiter")));
        Assert.True(Value(samples, "http_server_request_duration_seconds_count", ("http_route", "/api/indicators/{symbol}/{timeframe}")) >= 2);

        // The instrumentation packages' meters: Orleans, Npgsql, Kestrel.
        Assert.Contains(samples, s => s.Name.StartsWith("orleans_", StringComparison.Ordinal));
        Assert.Contains(samples, s => s.Name.StartsWith("db_client_", StringComparison.Ordinal));
        Assert.Contains(samples, s => s.Name.StartsWith("kestrel_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Public_port_does_not_serve_metrics()
    {
        using var response = await grid.Public.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("# TYPE", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alert_rules_and_dashboard_name_only_series_the_silo_exports()
    {
        var monitoring = Path.Combine(RepositoryRoot.Path, "deploy", "monitoring");
        var yaml = new YamlStream();
        yaml.Load(new StringReader(await File.ReadAllTextAsync(Path.Combine(monitoring, "alerts.yml"), Ct)));
        var rules = ((YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["groups"]).Children
            .SelectMany(g => ((YamlSequenceNode)((YamlMappingNode)g)["rules"]).Children.Cast<YamlMappingNode>())
            .Select(r => (Name: r["alert"].ToString(), Expr: r["expr"].ToString())).ToList();
        var dashboard = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(monitoring, "grafana", "dashboards", "tradingalerts.json"), Ct));
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t =>
                (Name: $"dashboard '{p.GetProperty("title").GetString()}' {t.GetProperty("refId").GetString()}", Expr: t.GetProperty("expr").GetString()!)))
            .ToList();
        Assert.NotEmpty(rules);
        Assert.NotEmpty(panels);
        // Every rule names at least one series (an expression the extraction read nothing from would check nothing).
        Assert.All(rules, r => Assert.NotEmpty(PrometheusText.MetricNames(r.Expr)));

        // Rate-limit series exist once the limiter has counted a request; the others once rows flowed and were sampled.
        using (await grid.Public.GetAsync(new Uri("/api/timeframes", UriKind.Relative), Ct))
        {
        }

        var unknown = await Eventually.LastAsync(async () =>
        {
            var exported = (await grid.ScrapeAsync()).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            exported.Add("up"); // Prometheus' own series for every target
            return rules.Concat(panels)
                .SelectMany(r => PrometheusText.MetricNames(r.Expr).Where(n => !exported.Contains(n)).Select(n => $"{r.Name}: {n}")).ToList();
        }, missing => missing.Count == 0, AgentProcessGrid.Bounded, cancellationToken: Ct);
        Assert.True(unknown.Count == 0, $"series not exported: {string.Join("; ", unknown)}");
    }

    private static double Value(IReadOnlyList<PrometheusSample> samples, string name, params (string Key, string Value)[] labels) =>
        samples.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).Sum(s => s.Value);
}
