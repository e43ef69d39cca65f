using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace TradingAlerts.TestSupport;

/// <summary>
/// Debian's haproxy on loopback with the repository's deploy/haproxy.cfg (its health check, timeouts, retries and
/// balancing), only the Docker DNS server template replaced by fixed loopback servers and the binds by free ports.
/// </summary>
public sealed partial class LoopbackHaProxy : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _stats;

    private LoopbackHaProxy(Process process, string folder, int port, int statsPort)
    {
        _process = process;
        _folder = folder;
        Port = port;
        _stats = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{statsPort}"), Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>The frontend's port: what clients call.</summary>
    public int Port { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The name of the server for the silo at <paramref name="index"/> of the ports given to <see cref="Start"/>.</summary>
    public static string ServerName(int index) => $"silo{index + 1}";

    /// <summary>Each server's state as HAProxy's checks see it ("UP", "DOWN", "UP 1/2", …), from the stats page's CSV; empty before it listens.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ServerStatesAsync(CancellationToken cancellationToken = default)
    {
        string csv;
        try
        {
            csv = await _stats.GetStringAsync(new Uri("/;csv", UriKind.Relative), cancellationToken);
        }
        catch (HttpRequestException)
        {
            return new Dictionary<string, string>(); // not listening yet
        }

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimStart('#', ' ').Split(',');
        var (proxy, server, status) = (Array.IndexOf(header, "pxname"), Array.IndexOf(header, "svname"), Array.IndexOf(header, "status"));
        return lines.Skip(1).Select(l => l.Split(','))
            .Where(f => f[proxy] == "silos" && f[server] is not ("FRONTEND" or "BACKEND"))
            .ToDictionary(f => f[server], f => f[status], StringComparer.Ordinal);
    }

    public static LoopbackHaProxy Start(IReadOnlyList<int> siloPorts)
    {
        var haproxy = new[] { "/usr/sbin/haproxy", "/usr/bin/haproxy" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("haproxy is not installed: deploy/test.sh installs Debian's haproxy (apt-get install haproxy).");
        var (port, statsPort) = (TestEnvironment.FreePort(), TestEnvironment.FreePort());
        var config = Loopback(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "haproxy.cfg")), port, statsPort, siloPorts);
        var folder = Directory.CreateTempSubdirectory("haproxy-").FullName;
        var file = Path.Combine(folder, "haproxy.cfg");
        File.WriteAllText(file, config);
        var start = new ProcessStartInfo(haproxy) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-db"); // foreground, logs to stdout
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(file);
        var process = Process.Start(start) ?? throw new InvalidOperationException("haproxy did not start");
        var proxy = new LoopbackHaProxy(process, folder, port, statsPort);
        process.OutputDataReceived += (_, e) => proxy.Add(e.Data);
        process.ErrorDataReceived += (_, e) => proxy.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return proxy;
    }

    /// <summary>The config with loopback binds and one checked server per silo port, the check options kept from the template.</summary>
    internal static string Loopback(string config, int port, int statsPort, IReadOnlyList<int> siloPorts)
    {
        var template = ServerTemplate().Match(config);
        if (!template.Success)
        {
            throw new InvalidOperationException("deploy/haproxy.cfg has no server-template line to replace");
        }

        // "check resolvers docker init-addr none inter 2s fall 2 rise 2" keeps everything but the DNS parts.
        var check = Resolvers().Replace(template.Groups["options"].Value, string.Empty).Trim();
        // The answering server's name on every response, so a test can tell where a request or stream was served.
        var servers = $"    http-response set-header X-Served-By %[srv_name]{Environment.NewLine}"
            + string.Join(Environment.NewLine, siloPorts.Select((p, i) => $"    server {ServerName(i)} 127.0.0.1:{p} {check}"));
        var lines = config.Replace(template.Value, servers, StringComparison.Ordinal).Split('\n').ToList();
        var result = new List<string>();
        var frontend = string.Empty;
        var skipping = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("resolvers ", StringComparison.Ordinal))
            {
                skipping = true; // the Docker DNS section: its indented lines go with it
                continue;
            }

            if (skipping && (line.StartsWith(' ') || line.Length == 0))
            {
                continue;
            }

            skipping = false;
            if (line.StartsWith("frontend ", StringComparison.Ordinal))
            {
                frontend = line;
            }

            var trimmed = line.Trim();
            if (trimmed.StartsWith("bind ", StringComparison.Ordinal))
            {
                if (trimmed.Contains(" ssl", StringComparison.Ordinal))
                {
                    continue; // TLS needs a certificate; the loopback run is plain HTTP
                }

                result.Add($"    bind 127.0.0.1:{(frontend.Contains("stats", StringComparison.Ordinal) ? statsPort : port)}");
                continue;
            }

            result.Add(line);
        }

        return string.Join('\n', result);
    }

    public string Tail(int lines = 40)
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output.ToString().Split(Environment.NewLine).TakeLast(lines));
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        _stats.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    [GeneratedRegex(@"^\s*server-template\s+\S+\s+\d+\s+\S+\s+(?<options>.*)$", RegexOptions.Multiline)]
    private static partial Regex ServerTemplate();

    [GeneratedRegex(@"\b(resolvers\s+\S+|init-addr\s+\S+)")]
    private static partial Regex Resolvers();
}
