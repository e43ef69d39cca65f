using System.Globalization;
using System.Text.RegularExpressions;

namespace TradingAlerts.TestSupport;

/// <summary>
/// The built silo (src/TradingAlerts.Silo, built beside the running test) as its own process: on free loopback ports,
/// in cluster mode when given a database, with its output kept (<see cref="ChildProcess"/>). Tests and benchmarks that
/// need a real process (kill -9, a graceful SIGTERM, resident memory, the production host) start it here.
/// </summary>
public sealed partial class SiloProcess : IDisposable
{
    private const string Project = "TradingAlerts.Silo";
    private static readonly TimeSpan ReadyInterval = TimeSpan.FromMilliseconds(250);
    private readonly HttpClient? _admin;

    private SiloProcess(ChildProcess process, int httpPort, int siloPort, int gatewayPort, int? adminPort, TimeSpan timeout)
    {
        Process = process;
        (HttpPort, SiloPort, GatewayPort) = (httpPort, siloPort, gatewayPort);
        Http = Client(httpPort, timeout);
        _admin = adminPort is { } port ? Client(port, timeout) : null;
    }

    public ChildProcess Process { get; }

    public string Name => Process.Name;

    public int Id => Process.Id;

    public bool HasExited => Process.HasExited;

    /// <summary>The public (API) port.</summary>
    public int HttpPort { get; }

    /// <summary>Orleans' silo-to-silo port: what the cluster's membership and grain placement name a silo by.</summary>
    public int SiloPort { get; }

    public int GatewayPort { get; }

    /// <summary>A client of the public port.</summary>
    public HttpClient Http { get; }

    /// <summary>A client of the admin port (<see cref="SiloProcessOptions.AdminPort"/>): <c>/metrics</c> and the health details.</summary>
    public HttpClient Admin => _admin ?? throw new InvalidOperationException($"{Name} was started without {nameof(SiloProcessOptions.AdminPort)}.");

    public static SiloProcess Start(string name, SiloProcessOptions options)
    {
        var (http, silo, gateway) = (options.HttpPort ?? TestEnvironment.FreePort(), TestEnvironment.FreePort(), TestEnvironment.FreePort());
        int? admin = options.AdminPort ? TestEnvironment.FreePort() : null;
        List<string> arguments =
        [
            $"--urls=http://127.0.0.1:{http}",
            $"--Orleans:SiloPort={silo}",
            $"--Orleans:GatewayPort={gateway}",
        ];
        if (options.Postgres is { } postgres)
        {
            arguments.Add($"--ConnectionStrings:Postgres={postgres}");
            arguments.Add("--Orleans:AdvertisedIP=127.0.0.1");
        }

        arguments.AddRange(Setting("Orleans:ClusterId", options.ClusterId));
        arguments.AddRange(Setting("Demo:Enabled", options.Demo));
        arguments.AddRange(Setting("RateLimits:Enabled", options.RateLimits));
        if (admin is { } port)
        {
            arguments.Add("--Metrics:Enabled=true");
            arguments.Add($"--OrleansDashboard:Port={port}");
        }

        arguments.AddRange(options.Arguments);
        var variables = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = options.Environment,
            ["DOTNET_ENVIRONMENT"] = options.Environment,
        };
        foreach (var (key, value) in options.Variables ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        var process = ChildProcess.Start(name, Project, arguments, variables, options.OnLine,
            options.InProjectFolder ? BuiltProgram.ProjectFolder(Project) : null, options.OutputFolder);
        return new SiloProcess(process, http, silo, gateway, admin, options.HttpTimeout);
    }

    /// <summary>True when <paramref name="path"/> (by default the readiness probe) answers 2xx now; false while it is not listening yet.</summary>
    public async Task<bool> IsReadyAsync(string path = "/health/ready", CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false; // not listening yet, or a slow start
        }
    }

    /// <summary>Waits, bounded, until <see cref="IsReadyAsync"/>; fails at once with its output if the silo exits first.</summary>
    public Task WaitReadyAsync(TimeSpan timeout, string path = "/health/ready", CancellationToken cancellationToken = default) =>
        Eventually.UntilAsync($"{Name} to answer {path}", () =>
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"{Name} exited while starting.{Environment.NewLine}{Tail()}");
            }

            return IsReadyAsync(path, cancellationToken);
        }, timeout, ReadyInterval, () => Task.FromResult(Tail()), cancellationToken);

    /// <summary>A PRO (or <paramref name="tier"/>) dev token, sent on every request of <see cref="Http"/> from now on; returned for other clients.</summary>
    public Task<string> AuthorizeAsync(string tier = "PRO", CancellationToken cancellationToken = default) =>
        DevToken.AuthorizeAsync(Http, tier, cancellationToken);

    /// <summary>Grain activations on this silo, as the Orleans health check on the admin port reports them (-1 when unknown).</summary>
    public async Task<int> ActivationsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var body = await Admin.GetStringAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
            return ActivationsField().Match(body) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return -1;
        }
    }

    /// <summary>
    /// Activations of one grain type on this silo (Orleans' <c>orleans_grains</c> gauge on <c>/metrics</c>, its
    /// <c>grain_type</c> the class name without "Grain", lower case: "timeframe"); 0 when none, -1 when unknown.
    /// </summary>
    public async Task<int> GrainsAsync(string grainType, CancellationToken cancellationToken = default)
    {
        var metrics = await MetricsAsync(cancellationToken);
        if (metrics.Length == 0)
        {
            return -1;
        }

        return GrainsGauge().Matches(metrics)
            .Where(m => m.Groups["type"].Value == grainType)
            .Sum(m => int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The silo's Prometheus text (<c>/metrics</c> on the admin port), empty when it cannot be read.</summary>
    public async Task<string> MetricsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await Admin.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return string.Empty;
        }
    }

    /// <summary>kill -9 of the silo (no shutdown at all): what a crash or an OOM kill does.</summary>
    public void Kill() => Process.Kill();

    /// <summary>SIGTERM, as Docker and Kubernetes stop it (the host's graceful shutdown); the exit code once it has ended.</summary>
    public Task<int> StopAsync(TimeSpan timeout, CancellationToken cancellationToken = default) => Process.TerminateAsync(timeout, cancellationToken);

    /// <inheritdoc cref="ChildProcess.Tail"/>
    public string Tail(int lines = 60) => Process.Tail(lines);

    /// <inheritdoc cref="ChildProcess.Matching"/>
    public IReadOnlyList<string> Matching(params string[] texts) => Process.Matching(texts);

    public void Dispose()
    {
        Process.Dispose();
        Http.Dispose();
        _admin?.Dispose();
    }

    private static IEnumerable<string> Setting<T>(string key, T? value) =>
        value is null ? [] : [string.Create(CultureInfo.InvariantCulture, $"--{key}={value}")];

    private static HttpClient Client(int port, TimeSpan timeout) =>
        new() { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = timeout };

    [GeneratedRegex("\"activations\"\\s*:\\s*(\\d+)")]
    private static partial Regex ActivationsField();

    [GeneratedRegex("^orleans_grains\\{[^}]*grain_type=\"(?<type>[^\"]+)\"[^}]*\\}\\s+(?<count>\\d+)", RegexOptions.Multiline)]
    private static partial Regex GrainsGauge();
}
