using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace TradingAlerts.Benchmarks.Memory;

/// <summary>
/// The built silo (Release, beside this benchmark) as its own process in cluster mode on a given PostgreSQL, with
/// its resident memory read from /proc: what a container's memory limit counts.
/// </summary>
internal sealed partial class SiloProcess : IDisposable
{
    private readonly ChildProcess _process;

    private readonly HttpClient _admin;

    private SiloProcess(ChildProcess process, HttpClient http, HttpClient admin)
    {
        _process = process;
        Http = http;
        _admin = admin;
    }

    public string Name => _process.Name;

    public HttpClient Http { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Peak resident memory seen by <see cref="Sample"/> (bytes).</summary>
    public long PeakRss { get; private set; }

    public static SiloProcess Start(string name, string connectionString, string clusterId, IEnumerable<string> extra, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = TestEnvironment.FreePort();
        var adminPort = TestEnvironment.FreePort();
        string[] arguments =
        [
            $"--urls=http://127.0.0.1:{port}",
            // The admin port answers the readiness details (the activation count); the public one only the status.
            "--Metrics:Enabled=true",
            $"--OrleansDashboard:Port={adminPort}",
            $"--ConnectionStrings:Postgres={connectionString}",
            $"--Orleans:ClusterId={clusterId}",
            $"--Orleans:SiloPort={TestEnvironment.FreePort()}",
            $"--Orleans:GatewayPort={TestEnvironment.FreePort()}",
            "--Orleans:AdvertisedIP=127.0.0.1",
            "--Demo:Enabled=false",
            "--RateLimits:Enabled=false",
            .. extra,
        ];
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", // the dev token endpoint
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var process = ChildProcess.Start(name, "TradingAlerts.Silo", arguments, settings);
        return new SiloProcess(process, Client(port), Client(adminPort));
    }

    /// <summary>Resident memory now (VmRSS, bytes), and the peak so far updated.</summary>
    public long Sample()
    {
        var rss = Status("VmRSS");
        PeakRss = Math.Max(PeakRss, Math.Max(rss, Status("VmHWM")));
        return rss;
    }

    /// <summary>True once /health/ready answers 200 (and a dev token is then set for the API).</summary>
    public async Task<bool> ReadyAsync()
    {
        try
        {
            using var response = await Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            var token = await Http.PostAsJsonAsync(new Uri("/api/dev/token", UriKind.Relative), new { tier = "PRO" });
            token.EnsureSuccessStatusCode();
            var jwt = (await token.Content.ReadFromJsonAsync<TokenResponse>())!.Token;
            Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jwt);
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>The silo's Prometheus text (<c>/metrics</c> on its admin port), empty when it cannot be read.</summary>
    public async Task<string> MetricsAsync()
    {
        try
        {
            return await _admin.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return string.Empty;
        }
    }

    /// <summary>Grain activations on this silo, as its Orleans health check reports them (-1 when unknown).</summary>
    public async Task<int> ActivationsAsync()
    {
        try
        {
            var body = await _admin.GetStringAsync(new Uri("/health/ready", UriKind.Relative));
            return ActivationsField().Match(body) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return -1;
        }
    }

    /// <summary>
    /// The runtime's GC and memory counters over three seconds, when TA_BENCH_COUNTERS names a dotnet-counters
    /// executable (<c>dotnet tool install --tool-path DIR dotnet-counters</c>); empty otherwise.
    /// </summary>
    public async Task<string> CountersAsync()
    {
        var tool = Environment.GetEnvironmentVariable("TA_BENCH_COUNTERS");
        if (string.IsNullOrEmpty(tool) || _process.HasExited)
        {
            return string.Empty;
        }

        var file = Path.Combine(Path.GetTempPath(), $"ta-counters-{Guid.NewGuid():N}.csv");
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "collect", "-p", Id.ToString(CultureInfo.InvariantCulture), "--counters", "System.Runtime", "--format", "csv", "-o", file, "--duration", "00:00:03", "--refresh-interval", "1" })
            {
                start.ArgumentList.Add(argument);
            }

            using var counters = Process.Start(start)!;
            await counters.WaitForExitAsync();
            if (!File.Exists(file))
            {
                return $"(dotnet-counters wrote nothing: {await counters.StandardError.ReadToEndAsync()})";
            }

            // CSV: Timestamp,Provider,Counter Name,Counter Type,Mean/Increment; the last value of each counter.
            var last = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var fields = line.Split(',');
                if (fields.Length >= 5 && (fields[2].Contains("gc", StringComparison.OrdinalIgnoreCase) || fields[2].Contains("memory", StringComparison.OrdinalIgnoreCase)))
                {
                    last[fields[2]] = fields[^1];
                }
            }

            return string.Join("; ", last.Select(c => $"{c.Key} = {c.Value}"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    public string Tail() => _process.Tail();

    /// <summary>kill -9 (no graceful shutdown).</summary>
    public void Kill() => _process.Kill();

    public void Dispose()
    {
        _process.Dispose();
        Http.Dispose();
        _admin.Dispose();
    }

    private static HttpClient Client(int port) =>
        new() { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };

    private long Status(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // exited
        }

        return 0;
    }

    [GeneratedRegex("\"activations\"\\s*:\\s*(\\d+)")]
    private static partial Regex ActivationsField();

    private sealed record TokenResponse(string Token);
}
