using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace TradingAlerts.TestSupport;

/// <summary>
/// A built program of this repository run as its own process (<c>dotnet X.dll args</c>), its output kept
/// for assertions and failure messages. Disposing kills it and its children.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    // Enough for a silo that logs every failed grain call after a kill: tests look for one line among them (GridRetryTests).
    private const int KeptLines = 20_000;
    private const int SigTerm = 15;
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly Lock _lock = new();
    private Action<string>? _onLine;

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <c>dotnet src/{project}/bin/{config}/net10.0/{project}.dll</c> in <paramref name="workingDirectory"/>, by
    /// default its output folder (so it finds its appsettings.json). <paramref name="outputFolder"/> runs another build of
    /// it instead (a <c>dotnet publish</c> output, as an upgrade deploys one).
    /// </summary>
    public static ChildProcess Start(
        string name, string project, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        Action<string>? onLine = null, string? workingDirectory = null, string? outputFolder = null)
    {
        var folder = outputFolder ?? BuiltProgram.OutputFolder(project);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(folder, project + ".dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Plain, uncoloured console logs; one line per message so counters can be parsed.
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["Logging__Console__FormatterOptions__ColorBehavior"] = "Disabled";
        start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process) { _onLine = onLine };
        process.OutputDataReceived += (_, e) => child.Add(e.Data);
        process.ErrorDataReceived += (_, e) => child.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until the process has ended and its output has been read to the end (HasExited can come first).</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>kill -9 of the process and its children (no graceful shutdown).</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    /// <summary>
    /// SIGTERM, as Docker and Kubernetes stop a container (the host's graceful shutdown), then waits up to
    /// <paramref name="timeout"/> for the exit; kills it when it has not ended by then. Returns the exit code.
    /// </summary>
    public async Task<int> TerminateAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (!_process.HasExited && SendSignal(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"SIGTERM to {Name} (pid {_process.Id}) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            throw new TimeoutException($"{Name} did not exit within {timeout} of SIGTERM.{Environment.NewLine}{Tail()}");
        }

        return _process.ExitCode;
    }

    /// <summary>The last lines of output, for failure messages.</summary>
    public string Tail(int lines = 60)
    {
        lock (_lock)
        {
            return $"--- {Name} (pid {_process.Id}{(_process.HasExited ? $", exited {_process.ExitCode}" : string.Empty)}) ---{Environment.NewLine}"
                + string.Join(Environment.NewLine, _tail.TakeLast(lines));
        }
    }

    /// <summary>The kept lines of output that contain any of the given texts.</summary>
    public IReadOnlyList<string> Matching(params string[] texts)
    {
        lock (_lock)
        {
            return [.. _tail.Where(line => texts.Any(t => line.Contains(t, StringComparison.OrdinalIgnoreCase)))];
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _tail.Enqueue(line);
            if (_tail.Count > KeptLines)
            {
                _tail.Dequeue();
            }
        }

        _onLine?.Invoke(line);
    }

    // .NET sends only SIGKILL (Process.Kill); a graceful stop needs libc's kill(2).
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
