using System.Diagnostics;
using System.Globalization;

namespace TradingAlerts.Benchmarks.Memory;

/// <summary>
/// The built silo (Release, beside this benchmark) as its own process (<see cref="SiloProcess"/>) in cluster mode on a
/// given PostgreSQL, with its resident memory read from /proc: what a container's memory limit counts.
/// </summary>
internal sealed class MeasuredSilo(SiloProcess silo) : IDisposable
{
    public string Name => silo.Name;

    public HttpClient Http => silo.Http;

    public int Id => silo.Id;

    public bool HasExited => silo.HasExited;

    /// <summary>Peak resident memory seen by <see cref="Sample"/> (bytes).</summary>
    public long PeakRss { get; private set; }

    public static MeasuredSilo Start(string name, string connectionString, string clusterId, IEnumerable<string> extra, IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        return new MeasuredSilo(SiloProcess.Start(name, new SiloProcessOptions
        {
            Postgres = connectionString,
            ClusterId = clusterId,
            Demo = false,
            RateLimits = false,
            // The admin port answers the readiness details (the activation count); the public one only the status.
            AdminPort = true,
            HttpTimeout = TimeSpan.FromSeconds(5),
            Arguments = [.. extra],
            Variables = variables,
        }));
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
        if (!await silo.IsReadyAsync())
        {
            return false;
        }

        try
        {
            await silo.AuthorizeAsync();
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <inheritdoc cref="SiloProcess.MetricsAsync"/>
    public Task<string> MetricsAsync() => silo.MetricsAsync();

    /// <inheritdoc cref="SiloProcess.ActivationsAsync"/>
    public Task<int> ActivationsAsync() => silo.ActivationsAsync();

    /// <summary>
    /// The runtime's GC and memory counters over three seconds, when TA_BENCH_COUNTERS names a dotnet-counters
    /// executable (<c>dotnet tool install --tool-path DIR dotnet-counters</c>); empty otherwise.
    /// </summary>
    public async Task<string> CountersAsync()
    {
        var tool = Environment.GetEnvironmentVariable("TA_BENCH_COUNTERS");
        if (string.IsNullOrEmpty(tool) || silo.HasExited)
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

    public string Tail() => silo.Tail();

    /// <summary>kill -9 (no graceful shutdown).</summary>
    public void Kill() => silo.Kill();

    public void Dispose() => silo.Dispose();

    private long Status(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{silo.Id}/status"))
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
}
