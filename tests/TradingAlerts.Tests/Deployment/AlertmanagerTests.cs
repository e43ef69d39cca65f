using YamlDotNet.RepresentationModel;
using static TradingAlerts.Tests.Deployment.ComposeFileTests;

namespace TradingAlerts.Tests.Deployment;

/// <summary>
/// The Alertmanager of the monitoring profile: Prometheus sends to it, it routes every alert of alerts.yml to the one
/// webhook, whose URL the container's entry point (deploy/monitoring/alertmanager-start.sh) takes from
/// ALERTMANAGER_WEBHOOK_URL: the config it renders passes `amtool check-config` and carries the URL as given, and
/// without a usable URL the container does not start.
/// </summary>
public sealed class AlertmanagerTests : IDisposable
{
    private const string Template = "deploy/monitoring/alertmanager.yml";
    private const string Receiver = "rollback-webhook";
    // A URL with the characters a naive substitution (sed, a YAML value) gets wrong.
    private const string WebhookUrl = "https://hooks.example.com/services/T0/B1?token=a|b&c=d\\e";

    private readonly string _folder = Directory.CreateTempSubdirectory("ta-alertmanager-").FullName;

    private string Rendered => Path.Combine(_folder, "alertmanager.yml");

    [Fact]
    public async Task Rendered_config_passes_amtool_and_carries_the_webhook_url_as_given()
    {
        var result = await StartAsync(WebhookUrl, "amtool", "check-config", Rendered);
        Assert.True(result.ExitCode == 0, $"amtool check-config failed:\n{result.Output}{result.Error}");

        var receiver = (YamlMappingNode)((YamlSequenceNode)MonitoringFilesTests.Load(Rendered)["receivers"]).Children.Single();
        Assert.Equal(Receiver, receiver["name"].ToString());
        var webhook = (YamlMappingNode)((YamlSequenceNode)receiver["webhook_configs"]).Children.Single();
        Assert.Equal(WebhookUrl, webhook["url"].ToString());
        Assert.Equal("true", webhook["send_resolved"].ToString());
    }

    [Fact]
    public async Task Every_alert_of_the_rules_routes_to_the_webhook()
    {
        var start = await StartAsync(WebhookUrl, "true");
        Assert.True(start.ExitCode == 0, start.Error);
        var rules = ((YamlSequenceNode)MonitoringFilesTests.Load(Path.Combine(RepositoryRoot.Path, "deploy", "monitoring", "alerts.yml"))["groups"]).Children
            .SelectMany(g => ((YamlSequenceNode)((YamlMappingNode)g)["rules"]).Children.Cast<YamlMappingNode>()).ToList();
        Assert.Superset(MonitoringFilesTests.RollbackTriggers.ToHashSet(), rules.Select(r => r["alert"].ToString()).ToHashSet());
        foreach (var rule in rules)
        {
            var labels = ((YamlMappingNode)rule["labels"]).Children.Select(l => $"{l.Key}={l.Value}").Prepend($"alertname={rule["alert"]}");
            var result = await Tool.RunAsync("amtool", ["config", "routes", "test", $"--config.file={Rendered}", $"--verify.receivers={Receiver}", .. labels]);
            Assert.True(result.ExitCode == 0, $"{rule["alert"]} does not reach {Receiver}:\n{result.Output}{result.Error}");
        }
    }

    [Theory]
    [InlineData(null, "set ALERTMANAGER_WEBHOOK_URL")]
    [InlineData("", "set ALERTMANAGER_WEBHOOK_URL")]
    [InlineData("hooks.example.com/alerts", "must be an http:// or https:// URL")]
    [InlineData("https://", "must be an http:// or https:// URL")]
    [InlineData("https://hooks.example.com/it's", "must not contain quotes or white space")]
    [InlineData("https://hooks.example.com/a b", "must not contain quotes or white space")]
    public async Task Entry_point_refuses_a_missing_or_unusable_url_and_starts_nothing(string? url, string message)
    {
        var marker = Path.Combine(_folder, "started");
        var result = await StartAsync(url, "touch", marker);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "the command ran");
        Assert.False(File.Exists(Rendered), "a config was written");
    }

    [Fact]
    public async Task Compose_runs_alertmanager_on_the_shipped_files_and_prometheus_sends_to_it()
    {
        var services = await RenderAsync();
        var alertmanager = Map(services, "alertmanager");
        Assert.Equal(["/bin/sh", "/etc/prometheus/alertmanager-start.sh"], Sequence(alertmanager, "entrypoint"));
        var command = Sequence(alertmanager, "command");
        // The template where Debian's package keeps the config, rendered to memory (tmpfs), then Alertmanager on it.
        Assert.Equal(["/etc/prometheus/alertmanager.yml", "/run/alertmanager/alertmanager.yml", "/bin/alertmanager", "--config.file=/run/alertmanager/alertmanager.yml"], command.Take(4));
        Assert.Equal(["/run/alertmanager"], Sequence(alertmanager, "tmpfs"));
        var volumes = Sequence(alertmanager, "volumes");
        Assert.Contains(volumes, v => v.EndsWith("deploy/monitoring/alertmanager.yml:/etc/prometheus/alertmanager.yml:ro", StringComparison.Ordinal));
        Assert.Contains(volumes, v => v.EndsWith("deploy/monitoring/alertmanager-start.sh:/etc/prometheus/alertmanager-start.sh:ro", StringComparison.Ordinal));
        Assert.Equal(RenderEnvironment["ALERTMANAGER_WEBHOOK_URL"], Scalar(Map(alertmanager, "environment"), "ALERTMANAGER_WEBHOOK_URL"));
        Assert.True(Map(Map(services, "prometheus"), "depends_on").Children.ContainsKey("alertmanager"), "Prometheus starts after Alertmanager");

        var prometheus = MonitoringFilesTests.Load(Path.Combine(RepositoryRoot.Path, "deploy", "monitoring", "prometheus.yml"));
        var target = ((YamlSequenceNode)((YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)prometheus["alerting"])["alertmanagers"]).Children.Single())["static_configs"]).Children.Single())["targets"]).Children.Single().ToString();
        Assert.Equal("alertmanager:9093", target);
        Assert.Contains(Sequence(alertmanager, "ports"), p => p.EndsWith(":9093/tcp", StringComparison.Ordinal) || p.EndsWith(":9093", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Entry_point_is_shellcheck_clean()
    {
        var result = await Tool.RunAsync("shellcheck", ["deploy/monitoring/alertmanager-start.sh"]);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
    }

    // Runs the entry point as the container does (POSIX sh; the image has busybox), with only this URL set.
    private Task<Tool.Result> StartAsync(string? url, params string[] command) =>
        Tool.RunAsync("sh", ["deploy/monitoring/alertmanager-start.sh", Template, Rendered, .. command],
            new Dictionary<string, string?> { ["ALERTMANAGER_WEBHOOK_URL"] = url });

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
