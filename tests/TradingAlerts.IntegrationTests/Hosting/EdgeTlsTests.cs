using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using TradingAlerts.IntegrationTests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace TradingAlerts.IntegrationTests.Hosting;

/// <summary>
/// The compose stack's edge on loopback, built from the repository's files: Redis started with docker-compose.yml's
/// command and password, a real silo on the connection string compose gives it, and Debian's haproxy running
/// deploy/haproxy.cfg (only its binds and the Docker DNS server list made loopback) with a throwaway self-signed
/// certificate from openssl. HTTPS reaches the silo and is validated against that certificate alone; without
/// LB_TLS_CERT the same config serves plain HTTP only.
/// </summary>
public sealed partial class EdgeTlsTests : IAsyncLifetime
{
    private const string RedisPassword = "edge-test-redis-password";

    private readonly SchemaDatabase _db = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("ta-edge-").FullName;
    private readonly List<Process> _processes = [];
    private SiloFactory _silo = null!;
    private Uri _siloAddress = null!;
    private int _redisPort;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        var services = await RenderComposeAsync();

        // Redis as compose starts it (compose turns $$ into $), on a loopback port of this run.
        var redis = (YamlMappingNode)services.Children["redis"];
        var command = ((YamlSequenceNode)redis.Children["command"]).Children.Select(c => ((YamlScalarNode)c).Value!.Replace("$$", "$", StringComparison.Ordinal)).ToArray();
        Assert.Equal(new[] { "sh", "-c" }, command[..2]);
        _redisPort = TestEnvironment.FreePort();
        var password = Scalar(redis, "environment", "REDISCLI_AUTH");
        Start("sh", ["-c", $"{command[2]} --port {_redisPort} --bind 127.0.0.1 --dir {_folder} --save ''"], new() { ["REDISCLI_AUTH"] = password });
        await Eventually.UntilAsync("Redis answering PONG to the compose password",
            async () => (await Run("redis-cli", ["-p", $"{_redisPort}", "ping"], new() { ["REDISCLI_AUTH"] = password })).Output.Contains("PONG", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(200), cancellationToken: Ct);

        var siloRedis = Scalar((YamlMappingNode)services.Children["silo"], "environment", "ConnectionStrings__Redis");
        Assert.StartsWith("redis:6379,", siloRedis, StringComparison.Ordinal);
        _silo = new SiloFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = _db.ConnectionString,
            ["ConnectionStrings:Redis"] = siloRedis.Replace("redis:6379", $"127.0.0.1:{_redisPort}", StringComparison.Ordinal),
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
        });
        _siloAddress = _silo.StartOnLoopback();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(Ct);
            }

            process.Dispose();
        }

        await _silo.DisposeAsync();
        await _db.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Https_through_haproxy_reaches_the_silo_which_signs_in_to_redis_and_plain_http_stays()
    {
        // Redis really demands the password: a client without it is refused.
        var anonymous = await Run("redis-cli", ["-p", $"{_redisPort}", "ping"], new() { ["REDISCLI_AUTH"] = null });
        Assert.Contains("NOAUTH", anonymous.Output + anonymous.Error, StringComparison.Ordinal);

        var certificatePath = Path.Combine(_folder, "edge.crt");
        var keyPath = Path.Combine(_folder, "edge.key");
        var made = await Run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", keyPath, "-out", certificatePath], new());
        Assert.True(made.ExitCode == 0, made.Error);
        var pem = Path.Combine(_folder, "edge.pem");
        await File.WriteAllTextAsync(pem, await File.ReadAllTextAsync(certificatePath, Ct) + await File.ReadAllTextAsync(keyPath, Ct), Ct);
        using var certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(certificatePath, Ct));

        var (http, https) = StartHaProxy(pem);
        using var client = TrustingOnly(certificate);
        var ready = await Eventually.UntilAsync(
            "HTTPS /health/ready through haproxy with the silo's Redis check healthy",
            () => Ready(client, new Uri($"https://127.0.0.1:{https}/health/ready")),
            r => r?.Redis == "Healthy", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(250), Ct);
        Assert.Contains(ready!.Status, new[] { "Healthy", "Degraded" });
        Assert.Equal("Healthy", (await Ready(client, new Uri($"http://127.0.0.1:{http}/health/ready")))?.Redis);

        // The same config without a certificate: plain HTTP only, nothing listens for TLS.
        var (plainHttp, plainHttps) = StartHaProxy(pem: null);
        await Eventually.UntilAsync("plain HTTP through haproxy without a certificate",
            async () => (await Ready(client, new Uri($"http://127.0.0.1:{plainHttp}/health/ready")))?.Redis == "Healthy", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(250), cancellationToken: Ct);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"https://127.0.0.1:{plainHttps}/health/ready"), Ct));
    }

    private sealed record Readiness(string Status, string? Redis);

    /// <summary>The readiness body's status and its Redis check, or null while haproxy has no server up yet.</summary>
    private static async Task<Readiness?> Ready(HttpClient client, Uri uri)
    {
        try
        {
            using var response = await client.GetAsync(uri, Ct);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            var redis = body.GetProperty("checks").EnumerateArray().FirstOrDefault(c => c.GetProperty("name").GetString() == "redis");
            return new Readiness(body.GetProperty("status").GetString()!, redis.ValueKind == JsonValueKind.Object ? redis.GetProperty("status").GetString() : null);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>An HTTPS client whose only trusted root is <paramref name="certificate"/> (the name is still checked).</summary>
    private static HttpClient TrustingOnly(X509Certificate2 certificate)
    {
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.Add(certificate);
        var handler = new SocketsHttpHandler { SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = policy } };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Runs deploy/haproxy.cfg with loopback binds and the silo as its one server; returns the HTTP and HTTPS ports.</summary>
    private (int Http, int Https) StartHaProxy(string? pem)
    {
        var (http, https, stats) = (TestEnvironment.FreePort(), TestEnvironment.FreePort(), TestEnvironment.FreePort());
        var config = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "haproxy.cfg"));
        foreach (var (from, to) in new[] { ("bind :8080", $"bind 127.0.0.1:{http}"), ("bind :8443", $"bind 127.0.0.1:{https}"), ("bind :8404", $"bind 127.0.0.1:{stats}") })
        {
            Assert.True(config.Contains(from, StringComparison.Ordinal), $"deploy/haproxy.cfg has no '{from}'");
            config = config.Replace(from, to, StringComparison.Ordinal);
        }

        var template = ServerTemplate().Match(config);
        Assert.True(template.Success, "deploy/haproxy.cfg has no server-template line");
        config = config.Replace(template.Value, $"    server silo1 127.0.0.1:{_siloAddress.Port} check inter 1s fall 2 rise 1", StringComparison.Ordinal);
        var file = Path.Combine(_folder, $"haproxy-{http}.cfg");
        File.WriteAllText(file, config);
        Start("haproxy", ["-db", "-f", file], new() { ["LB_TLS_CERT"] = pem });
        return (http, https);
    }

    private void Start(string file, string[] arguments, Dictionary<string, string?> environment)
    {
        var process = Process.Start(Prepare(file, arguments, environment)) ?? throw new InvalidOperationException($"{file} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    private static ProcessStartInfo Prepare(string file, string[] arguments, Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        return start;
    }

    /// <summary>Runs a tool to its end.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> Run(string file, string[] arguments, Dictionary<string, string?> environment)
    {
        using var process = Process.Start(Prepare(file, arguments, environment)) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromMinutes(1), Ct);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>docker-compose.yml's services as Debian's docker-compose renders them, with the required secrets set.</summary>
    private static async Task<YamlMappingNode> RenderComposeAsync()
    {
        var environment = new Dictionary<string, string?>
        {
            ["AUTH_SIGNING_KEY"] = "edge-test-signing-key-0123456789abcdef",
            ["ORLEANS_TLS_DIR"] = "/srv/tradingalerts/orleans-tls",
            ["POSTGRES_PASSWORD"] = "edge-test-postgres-password",
            ["GRAFANA_ADMIN_PASSWORD"] = "edge-test-grafana-password",
            ["ALERTMANAGER_WEBHOOK_URL"] = "https://alerts.example.com/hook",
            ["REDIS_PASSWORD"] = RedisPassword,
        };
        var rendered = await Run("docker-compose", ["config"], environment);
        Assert.True(rendered.ExitCode == 0, $"docker-compose config failed: {rendered.Error}");
        var yaml = new YamlStream();
        yaml.Load(new StringReader(rendered.Output));
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children["services"];
    }

    private static string Scalar(YamlMappingNode service, string map, string key) =>
        ((YamlScalarNode)((YamlMappingNode)service.Children[map]).Children[key]).Value ?? "";

    [GeneratedRegex(@"^\s*server-template\s.*$", RegexOptions.Multiline)]
    private static partial Regex ServerTemplate();
}
