using System.Text.Json;
using YamlDotNet.RepresentationModel;
using static TradingAlerts.Tests.Deployment.ComposeFileTests;

namespace TradingAlerts.Tests.Deployment;

/// <summary>
/// The monitoring profile (deploy/monitoring): the compose stack renders with and without it, Prometheus and Grafana
/// start only with it and read the shipped files, promtool accepts the scrape config and the alert rules, the
/// rules cover the rollback triggers and their unit tests (alerts.test.yml) pass. That the rules name only exported series is checked against a real silo's
/// /metrics (IntegrationTests MetricsEndpointTests).
/// </summary>
public sealed class MonitoringFilesTests
{
    private static readonly string Monitoring = Path.Combine(RepositoryRoot.Path, "deploy", "monitoring");

    // The original plan's rollback triggers: error rate, ingest stalled, pairs stale, database unreachable.
    internal static readonly string[] RollbackTriggers =
        ["TradingAlertsErrorRateHigh", "TradingAlertsIngestStalled", "TradingAlertsPairsStale", "TradingAlertsWriteThroughFailing"];

    [Fact]
    public async Task Compose_renders_with_and_without_the_monitoring_profile()
    {
        var plain = await Tool.RunAsync("docker-compose", ["config", "-q"], RenderEnvironment);
        Assert.True(plain.ExitCode == 0, $"docker-compose config -q failed:\n{plain.Error}");
        var monitoring = await Tool.RunAsync("docker-compose", ["--profile", "monitoring", "config", "-q"], RenderEnvironment);
        Assert.True(monitoring.ExitCode == 0, $"docker-compose --profile monitoring config -q failed:\n{monitoring.Error}");
    }

    [Fact]
    public async Task Prometheus_and_Grafana_belong_to_the_profile_and_mount_the_shipped_files()
    {
        var services = await RenderAsync();
        foreach (var name in new[] { "prometheus", "alertmanager", "grafana" })
        {
            Assert.Equal(["monitoring"], Sequence(Map(services, name), "profiles"));
            Assert.All(Sequence(Map(services, name), "ports"), p => Assert.StartsWith("127.0.0.1:", p, StringComparison.Ordinal));
        }

        Assert.Equal(["monitoring"], services.Children.Where(s => ((YamlMappingNode)s.Value).Children.ContainsKey("profiles"))
            .SelectMany(s => Sequence((YamlMappingNode)s.Value, "profiles")).Distinct());
        var prometheusVolumes = Sequence(Map(services, "prometheus"), "volumes");
        Assert.Contains(prometheusVolumes, v => v.EndsWith("deploy/monitoring/prometheus.yml:/etc/prometheus/prometheus.yml:ro", StringComparison.Ordinal));
        Assert.Contains(prometheusVolumes, v => v.EndsWith("deploy/monitoring/alerts.yml:/etc/prometheus/alerts.yml:ro", StringComparison.Ordinal));
        var grafanaVolumes = Sequence(Map(services, "grafana"), "volumes");
        Assert.Contains(grafanaVolumes, v => v.EndsWith("deploy/monitoring/grafana/provisioning:/etc/grafana/provisioning:ro", StringComparison.Ordinal));
        Assert.Contains(grafanaVolumes, v => v.EndsWith("deploy/monitoring/grafana/dashboards:/var/lib/grafana/dashboards:ro", StringComparison.Ordinal));

        // Silos export metrics on the admin port Prometheus scrapes.
        var silo = Map(services, "silo");
        Assert.Equal("true", Scalar(Map(silo, "environment"), "Metrics__Enabled"));
        Assert.Contains("8081", Sequence(silo, "expose"));
        var scrape = Load(Path.Combine(Monitoring, "prometheus.yml"));
        var dns = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlSequenceNode)scrape["scrape_configs"]).Children[0])["dns_sd_configs"]).Children[0];
        Assert.Equal(("silo", "8081"), (((YamlSequenceNode)dns["names"]).Children[0].ToString(), dns["port"].ToString()));
    }

    [Fact]
    public async Task Promtool_accepts_the_scrape_config_and_the_alert_rules()
    {
        var config = await Tool.RunAsync("promtool", ["check", "config", "deploy/monitoring/prometheus.yml"]);
        Assert.True(config.ExitCode == 0, $"promtool check config failed:\n{config.Output}{config.Error}");
        var rules = await Tool.RunAsync("promtool", ["check", "rules", "deploy/monitoring/alerts.yml"]);
        Assert.True(rules.ExitCode == 0, $"promtool check rules failed:\n{rules.Output}{rules.Error}");
    }

    [Fact]
    public async Task Rule_unit_tests_show_each_rollback_trigger_firing_after_its_duration_and_not_before()
    {
        // deploy/monitoring/alerts.test.yml: every trigger fires on its condition once its `for` passed, and stays
        // silent before, when the condition clears in time, and just below its threshold.
        var result = await Tool.RunAsync("promtool", ["test", "rules", "deploy/monitoring/alerts.test.yml"]);
        Assert.True(result.ExitCode == 0, $"promtool test rules failed:\n{result.Output}{result.Error}");

        // Each rollback trigger has a case that expects it firing, so none is covered by silence alone.
        var tests = ((YamlSequenceNode)Load(Path.Combine(Monitoring, "alerts.test.yml"))["tests"]).Children.Cast<YamlMappingNode>()
            .SelectMany(t => ((YamlSequenceNode)t["alert_rule_test"]).Children.Cast<YamlMappingNode>()).ToList();
        foreach (var name in RollbackTriggers)
        {
            Assert.Contains(tests, t => t["alertname"].ToString() == name && ((YamlSequenceNode)t["exp_alerts"]).Children.Count > 0);
            Assert.Contains(tests, t => t["alertname"].ToString() == name && ((YamlSequenceNode)t["exp_alerts"]).Children.Count == 0);
        }
    }

    [Fact]
    public void Alert_rules_cover_the_rollback_triggers()
    {
        var rules = ((YamlSequenceNode)Load(Path.Combine(Monitoring, "alerts.yml"))["groups"]).Children
            .SelectMany(g => ((YamlSequenceNode)((YamlMappingNode)g)["rules"]).Children.Cast<YamlMappingNode>())
            .ToDictionary(r => r["alert"].ToString(), r => r);

        var error = rules["TradingAlertsErrorRateHigh"];
        Assert.Contains("> 0.05", error["expr"].ToString(), StringComparison.Ordinal);
        Assert.Contains("5..", error["expr"].ToString(), StringComparison.Ordinal);
        Assert.Equal("10m", error["for"].ToString());
        Assert.Equal("5m", rules["TradingAlertsIngestStalled"]["for"].ToString());
        Assert.Contains("tradingalerts_ingest_files", rules["TradingAlertsIngestStalled"]["expr"].ToString(), StringComparison.Ordinal);
        Assert.Contains("tradingalerts_pairs", rules["TradingAlertsPairsStale"]["expr"].ToString(), StringComparison.Ordinal);
        foreach (var name in RollbackTriggers)
        {
            Assert.Equal("true", ((YamlMappingNode)rules[name]["labels"])["rollback"].ToString());
            Assert.False(string.IsNullOrWhiteSpace(((YamlMappingNode)rules[name]["annotations"])["summary"].ToString()));
        }
    }

    [Fact]
    public void Grafana_provisions_the_dashboard_from_the_prometheus_datasource()
    {
        var datasource = (YamlMappingNode)((YamlSequenceNode)Load(Path.Combine(Monitoring, "grafana", "provisioning", "datasources", "prometheus.yml"))["datasources"]).Children[0];
        var provider = (YamlMappingNode)((YamlSequenceNode)Load(Path.Combine(Monitoring, "grafana", "provisioning", "dashboards", "dashboards.yml"))["providers"]).Children[0];
        Assert.Equal("/var/lib/grafana/dashboards", ((YamlMappingNode)provider["options"])["path"].ToString());

        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(Monitoring, "grafana", "dashboards", "tradingalerts.json")));
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().ToList();
        Assert.NotEmpty(panels);
        Assert.All(panels.SelectMany(p => p.GetProperty("targets").EnumerateArray()), t =>
        {
            Assert.Equal(datasource["uid"].ToString(), t.GetProperty("datasource").GetProperty("uid").GetString());
            Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("expr").GetString()));
        });
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
    }

    internal static YamlMappingNode Load(string path)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(path)));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}
