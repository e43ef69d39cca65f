using System.Diagnostics;

namespace TradingAlerts.Tests.Deployment;

/// <summary>Runs a command-line tool from the repository root and captures its output.</summary>
internal static class Tool
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Runs <paramref name="file"/>; a missing tool fails with how to get it (deploy/test.sh installs it).</summary>
    public static async Task<Result> RunAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"'{file}' is not installed: this test needs it. deploy/test.sh installs docker-compose, haproxy, shellcheck, promtool and amtool " +
                $"with apt-get (or: apt-get install --no-install-recommends docker-compose haproxy shellcheck prometheus prometheus-alertmanager; " +
                $"promtool is in Debian's prometheus package, amtool in prometheus-alertmanager). {ex.Message}", ex);
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return new Result(process.ExitCode, await output, await error);
        }
    }
}
