using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TradingAlerts.Benchmarks.Http;

/// <summary>One wrk run's figures.</summary>
internal sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Non2xx);

/// <summary>Runs Debian's wrk against a URL and reads requests/s and the latency percentiles off its report.</summary>
internal static partial class Wrk
{
    /// <summary>One run; <paramref name="script"/>, a wrk Lua file, may choose each request (e.g. rotate paths).</summary>
    public static async Task<WrkResult> RunAsync(Uri url, string? bearer, int seconds, int connections, int threads, string? script = null)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-t", $"{threads}", "-c", $"{connections}", "-d", $"{seconds}s", "--latency" })
        {
            start.ArgumentList.Add(arg);
        }

        if (bearer is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"Authorization: Bearer {bearer}");
        }

        if (script is not null)
        {
            start.ArgumentList.Add("-s");
            start.ArgumentList.Add(script);
        }

        start.ArgumentList.Add(url.ToString());
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk)");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {error}");
        }

        return Parse(output);
    }

    public static WrkResult Parse(string report)
    {
        var rps = RequestsPerSecond().Match(report);
        var p50 = Percentile(report, "50");
        var p99 = Percentile(report, "99");
        var non2xx = Non2xx().Match(report);
        if (!rps.Success)
        {
            throw new FormatException($"Unexpected wrk report:\n{report}");
        }

        return new WrkResult(double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture), p50, p99,
            non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
    }

    /// <summary>A latency-distribution line such as "99%   12.34ms", in milliseconds.</summary>
    private static double Percentile(string report, string percent)
    {
        var match = Regex.Match(report, $@"^\s*{percent}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            return double.NaN;
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();
}
