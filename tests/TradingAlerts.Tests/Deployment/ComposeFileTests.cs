using System.Text.RegularExpressions;
using TradingAlerts.Collector;
using TradingAlerts.DevTools;
using YamlDotNet.RepresentationModel;

namespace TradingAlerts.Tests.Deployment;

/// <summary>
/// docker-compose.yml as Debian's docker-compose renders it (no Docker engine needed): it validates, and the
/// rendered stack has the services, images, dependencies and settings the runbook relies on.
/// </summary>
public sealed partial class ComposeFileTests
{
    // The variables a developer's shell might set would change the rendering: tests see the file's defaults, plus the
    // settings that have none (the secrets and the Orleans TLS folder).
    private const string SigningKey = "compose-test-signing-key-0123456789abcdef";
    private const string TlsFolder = "/srv/tradingalerts/orleans-tls";

    private static readonly Dictionary<string, string?> CleanEnvironment = ComposeVariables().ToDictionary(v => v, _ => (string?)null);

    internal static readonly Dictionary<string, string?> RenderEnvironment = new(CleanEnvironment)
    {
        ["AUTH_SIGNING_KEY"] = SigningKey,
        ["ORLEANS_TLS_DIR"] = TlsFolder,
        ["POSTGRES_PASSWORD"] = "compose-test-postgres-password",
        ["GRAFANA_ADMIN_PASSWORD"] = "compose-test-grafana-password",
        ["ALERTMANAGER_WEBHOOK_URL"] = "https://alerts.example.com/hook?token=compose-test",
        ["REDIS_PASSWORD"] = RedisPassword,
    };

    private const string RedisPassword = "compose-test-redis-password";

    [Fact]
    public async Task Compose_file_passes_docker_compose_config()
    {
        var result = await Tool.RunAsync("docker-compose", ["config", "-q"], RenderEnvironment);
        Assert.True(result.ExitCode == 0, $"docker-compose config -q failed:\n{result.Error}");
    }

    [Theory]
    [InlineData("AUTH_SIGNING_KEY")]
    [InlineData("ORLEANS_TLS_DIR")]
    [InlineData("POSTGRES_PASSWORD")]
    [InlineData("GRAFANA_ADMIN_PASSWORD")]
    [InlineData("ALERTMANAGER_WEBHOOK_URL")]
    [InlineData("REDIS_PASSWORD")]
    public async Task Compose_refuses_to_render_without_a_required_secret(string variable)
    {
        foreach (var value in new[] { null, string.Empty })
        {
            var environment = new Dictionary<string, string?>(RenderEnvironment) { [variable] = value };
            var result = await Tool.RunAsync("docker-compose", ["config", "-q"], environment);
            Assert.True(result.ExitCode != 0, $"docker-compose config -q rendered without {variable}");
            Assert.Contains($"set {variable}", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Orleans_members_use_mutual_tls_with_their_own_certificates_from_secrets()
    {
        var services = await RenderAsync();
        foreach (var (name, member) in new[] { ("silo", "silo"), ("agent", "agent"), ("alert-engine", "alert-engine") })
        {
            var service = Map(services, name);
            var env = Map(service, "environment");
            Assert.Equal("true", Scalar(env, "Orleans__Tls__Enabled"));
            Assert.Equal("/run/secrets/orleans-ca", Scalar(env, "Orleans__Tls__CaPath"));
            Assert.Equal($"/run/secrets/{member}-tls-cert", Scalar(env, "Orleans__Tls__CertificatePath"));
            Assert.Equal($"/run/secrets/{member}-tls-key", Scalar(env, "Orleans__Tls__KeyPath"));
            // Each member is given the CA and its own key only.
            var secrets = ((YamlSequenceNode)service.Children["secrets"]).Children
                .Select(c => c is YamlScalarNode scalar ? scalar.Value : Scalar((YamlMappingNode)c, "source")).Order(StringComparer.Ordinal);
            Assert.Equal(new[] { $"{member}-tls-cert", $"{member}-tls-key", "orleans-ca" }.Order(StringComparer.Ordinal), secrets);
        }
    }

    [Fact]
    public async Task Rendered_stack_has_every_service_with_its_settings()
    {
        var services = await RenderAsync();

        Assert.Equal(
            ["agent", "alert-engine", "alertmanager", "grafana", "lb", "postgres", "prometheus", "redis", "schema", "silo", "synthetic-collector"],
            services.Children.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));

        // TimescaleDB on a pinned tag, health-checked.
        var postgres = Map(services, "postgres");
        Assert.Matches(@"^timescale/timescaledb:\d+\.\d+\.\d+-pg\d+$", Scalar(postgres, "image"));
        Assert.Contains(Sequence(Map(postgres, "healthcheck"), "test"), t => t.Contains("pg_isready", StringComparison.Ordinal));

        // Silos: scalable (no container name, no host ports), 2 by default, started after the migration, health-checked
        // on the readiness probe, given longer to stop than Orleans' shutdown timeout.
        var silo = Map(services, "silo");
        Assert.False(silo.Children.ContainsKey("container_name"));
        Assert.False(silo.Children.ContainsKey("ports"));
        Assert.Equal("2", Scalar(Map(silo, "deploy"), "replicas"));
        Assert.Equal("service_completed_successfully", Scalar(Map(Map(silo, "depends_on"), "schema"), "condition"));
        Assert.Contains(Sequence(Map(silo, "healthcheck"), "test"), t => t.Contains("GET /health/ready", StringComparison.Ordinal));
        Assert.Equal("45s", Scalar(silo, "stop_grace_period"));
        var siloEnv = Map(silo, "environment");
        Assert.Equal("00:00:30", Scalar(siloEnv, "Orleans__ShutdownTimeout"));
        Assert.Equal("false", Scalar(siloEnv, "OrleansDashboard__Enabled"));
        Assert.Equal("Production", Scalar(siloEnv, "ASPNETCORE_ENVIRONMENT"));
        Assert.StartsWith("Host=postgres;", Scalar(siloEnv, "ConnectionStrings__Postgres"), StringComparison.Ordinal);
        Assert.Equal(SigningKey, Scalar(siloEnv, "Auth__SigningKey"));
        Assert.Equal("tradingalerts", Scalar(siloEnv, "Auth__Issuer"));
        Assert.Equal("tradingalerts-api", Scalar(siloEnv, "Auth__Audience"));
        // Behind HAProxy: callers are told apart by X-Forwarded-For (rate limits of anonymous callers).
        Assert.Equal("true", Scalar(siloEnv, "ASPNETCORE_FORWARDEDHEADERS_ENABLED"));

        // The load balancer is the only way in and reads deploy/haproxy.cfg, which health-checks /health/ready.
        var lb = Map(services, "lb");
        Assert.Contains(Sequence(lb, "volumes"), v => v.EndsWith("deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro", StringComparison.Ordinal));
        var haproxy = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "deploy", "haproxy.cfg"), TestContext.Current.CancellationToken);
        Assert.Contains("uri /health/ready", haproxy, StringComparison.Ordinal);
        Assert.Contains("server-template silo", haproxy, StringComparison.Ordinal);

        // The synthetic collector and the agent share the collector file; every service passes the same cluster identity.
        Assert.Contains("collector-data:/data:rw", Sequence(Map(services, "synthetic-collector"), "volumes"));
        Assert.Contains("collector-data:/data:rw", Sequence(Map(services, "agent"), "volumes"));
        Assert.Equal(["agent", "--sqlite", "/data/collector.db", "--postgres"], Sequence(Map(services, "agent"), "command").Take(4));
        foreach (var name in new[] { "silo", "agent", "alert-engine" })
        {
            Assert.Equal("tradingalerts", Scalar(Map(Map(services, name), "environment"), "Orleans__ClusterId"));
        }

        // Each image comes from deploy/Dockerfile's target of that name, tagged with TA_IMAGE_TAG.
        foreach (var (name, target) in new[] { ("silo", "silo"), ("schema", "collector"), ("agent", "collector"), ("synthetic-collector", "devtools"), ("alert-engine", "alert-engine") })
        {
            Assert.Equal(target, Scalar(Map(Map(services, name), "build"), "target"));
            Assert.Equal($"tradingalerts/{target}:dev", Scalar(Map(services, name), "image"));
        }
    }

    [Fact]
    public async Task Load_balancer_config_passes_haproxy_check()
    {
        var result = await Tool.RunAsync("haproxy", ["-c", "-f", "deploy/haproxy.cfg"], new Dictionary<string, string?> { ["LB_TLS_CERT"] = null });
        Assert.True(result.ExitCode == 0, $"haproxy -c failed:\n{result.Output}{result.Error}");
    }

    [Fact]
    public async Task Load_balancer_config_with_a_certificate_passes_haproxy_check_and_refuses_an_unusable_one()
    {
        var folder = Directory.CreateTempSubdirectory("ta-edge-tls-").FullName;
        try
        {
            var (certificate, key) = (Path.Combine(folder, "edge.crt"), Path.Combine(folder, "edge.key"));
            var made = await Tool.RunAsync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost", "-keyout", key, "-out", certificate]);
            Assert.True(made.ExitCode == 0, made.Error);
            var pem = Path.Combine(folder, "edge.pem");
            await File.WriteAllTextAsync(pem, await File.ReadAllTextAsync(certificate, TestContext.Current.CancellationToken) + await File.ReadAllTextAsync(key, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

            var valid = await CheckWithCertificate(pem);
            Assert.True(valid.ExitCode == 0, $"haproxy -c with {pem} failed:\n{valid.Output}{valid.Error}");

            // A certificate HAProxy cannot use stops it with a message naming the file, not a silent plain-HTTP edge.
            var missing = await CheckWithCertificate(Path.Combine(folder, "missing.pem"));
            Assert.NotEqual(0, missing.ExitCode);
            Assert.Contains($"unable to stat SSL certificate from file '{Path.Combine(folder, "missing.pem")}'", missing.Error, StringComparison.Ordinal);
            var keyless = await CheckWithCertificate(certificate);
            Assert.NotEqual(0, keyless.ExitCode);
            Assert.Contains("No Private Key found", keyless.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        static Task<Tool.Result> CheckWithCertificate(string pem) =>
            Tool.RunAsync("haproxy", ["-c", "-f", "deploy/haproxy.cfg"], new Dictionary<string, string?> { ["LB_TLS_CERT"] = pem });
    }

    [Fact]
    public async Task Load_balancer_serves_tls_on_8443_from_the_configured_pem_and_plain_http_without_one()
    {
        var plain = Map(await RenderAsync(), "lb");
        Assert.Equal(string.Empty, Scalar(Map(plain, "environment"), "LB_TLS_CERT"));
        Assert.Contains(Sequence(plain, "volumes"), v => v.StartsWith("/dev/null:", StringComparison.Ordinal));

        const string Pem = "/srv/tradingalerts/edge/edge.pem";
        var tls = Map(await RenderAsync(new() { ["LB_TLS_CERT"] = Pem, ["LB_TLS_PORT"] = "443" }), "lb");
        // haproxy.cfg reads the PEM at the path the variable names, so it is mounted at that same path.
        Assert.Equal(Pem, Scalar(Map(tls, "environment"), "LB_TLS_CERT"));
        Assert.Contains($"{Pem}:{Pem}:ro", Sequence(tls, "volumes"));
        var ports = ((YamlSequenceNode)tls.Children["ports"]).Children.OfType<YamlMappingNode>().Select(p => (Scalar(p, "published"), Scalar(p, "target")));
        Assert.Contains(("443", "8443"), ports);
        Assert.Contains(("8080", "8080"), ports);
    }

    [Fact]
    public async Task Redis_requires_the_password_the_silos_and_the_alert_engine_sign_in_with()
    {
        var services = await RenderAsync();
        var redis = Map(services, "redis");
        Assert.Equal(RedisPassword, Scalar(Map(redis, "environment"), "REDISCLI_AUTH"));
        Assert.Contains(Sequence(redis, "command"), c => c.Contains("--requirepass \"$$REDISCLI_AUTH\"", StringComparison.Ordinal));
        Assert.DoesNotContain(Sequence(redis, "command"), c => c.Contains(RedisPassword, StringComparison.Ordinal));
        Assert.False(redis.Children.ContainsKey("ports"));
        foreach (var name in new[] { "silo", "alert-engine" })
        {
            Assert.Equal($"redis:6379,password={RedisPassword}", Scalar(Map(Map(services, name), "environment"), "ConnectionStrings__Redis"));
        }
    }

    [Fact]
    public async Task Collector_commands_of_the_stack_are_valid_command_lines()
    {
        var services = await RenderAsync();
        // Each runs the entry point of its image: the collector (production) or the development tools.
        foreach (var (name, cli) in new[] { ("schema", CollectorCli.Build()), ("agent", CollectorCli.Build()), ("synthetic-collector", DevToolsCli.Build()) })
        {
            var args = Sequence(Map(services, name), "command");
            var parse = cli.Parse(args);
            Assert.True(parse.Errors.Count == 0, $"{name}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
        }
    }

    [Fact]
    public async Task Replicas_and_tag_follow_the_environment()
    {
        var services = await RenderAsync(new() { ["SILO_REPLICAS"] = "4", ["TA_IMAGE_TAG"] = "1.4.0" });
        Assert.Equal("4", Scalar(Map(Map(services, "silo"), "deploy"), "replicas"));
        Assert.Equal("tradingalerts/silo:1.4.0", Scalar(Map(services, "silo"), "image"));
    }

    [Fact]
    public async Task Env_example_documents_every_variable_with_development_placeholders()
    {
        var example = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, ".env.example"), TestContext.Current.CancellationToken);
        var documented = example.Split('\n').Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim());
        Assert.Empty(ComposeVariables().Except(documented.Keys));
        // No usable placeholder for a secret: an unedited copy makes compose refuse to start.
        foreach (var secret in new[] { "AUTH_SIGNING_KEY", "ORLEANS_TLS_DIR", "POSTGRES_PASSWORD", "GRAFANA_ADMIN_PASSWORD", "ALERTMANAGER_WEBHOOK_URL", "REDIS_PASSWORD" })
        {
            Assert.Equal(string.Empty, documented[secret]);
        }
    }

    internal static async Task<YamlMappingNode> RenderAsync(Dictionary<string, string?>? environment = null)
    {
        var env = new Dictionary<string, string?>(RenderEnvironment);
        foreach (var (key, value) in environment ?? [])
        {
            env[key] = value;
        }

        var result = await Tool.RunAsync("docker-compose", ["config"], env);
        Assert.True(result.ExitCode == 0, $"docker-compose config failed:\n{result.Error}");
        var yaml = new YamlStream();
        yaml.Load(new StringReader(result.Output));
        return Map((YamlMappingNode)yaml.Documents[0].RootNode, "services");
    }

    private static IEnumerable<string> ComposeVariables() =>
        VariablePattern().Matches(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docker-compose.yml"))).Select(m => m.Groups[1].Value).Distinct();

    internal static YamlMappingNode Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var child) ? (YamlMappingNode)child : throw new Xunit.Sdk.XunitException($"'{key}' missing");

    internal static string Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var child) ? ((YamlScalarNode)child).Value ?? "" : throw new Xunit.Sdk.XunitException($"'{key}' missing");

    internal static string[] Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var child)
            ? [.. ((YamlSequenceNode)child).Children.Select(c => ((YamlScalarNode)c).Value ?? "")]
            : throw new Xunit.Sdk.XunitException($"'{key}' missing");

    [GeneratedRegex(@"\$\{([A-Z_]+)")]
    private static partial Regex VariablePattern();
}
