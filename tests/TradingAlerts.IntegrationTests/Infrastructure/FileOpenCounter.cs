using System.Diagnostics;
using System.Globalization;

namespace TradingAlerts.IntegrationTests.Infrastructure;

/// <summary>
/// Counts how often a file is opened, by anyone, while it runs: another process (python3) asks the kernel's inotify for
/// IN_OPEN on the file, so the count does not depend on what the code under test says about itself.
/// </summary>
public sealed class FileOpenCounter : IAsyncDisposable
{
    private const string Script = """
        import ctypes, os, select, struct, sys
        libc = ctypes.CDLL(None, use_errno=True)
        fd = libc.inotify_init1(os.O_NONBLOCK)
        if fd < 0 or libc.inotify_add_watch(fd, sys.argv[1].encode(), 0x20) < 0:  # IN_OPEN
            sys.exit("inotify: " + os.strerror(ctypes.get_errno()))
        print("watching", flush=True)
        opens = 0
        while True:
            ready, _, _ = select.select([fd, sys.stdin], [], [])
            if sys.stdin in ready:
                break
            data = os.read(fd, 65536)
            at = 0
            while at < len(data):
                _, mask, _, length = struct.unpack_from("iIII", data, at)
                opens += 1 if mask & 0x20 else 0
                at += 16 + length
        print(opens, flush=True)
        """;

    private readonly Process _process;

    private FileOpenCounter(Process process) => _process = process;

    /// <summary>Starts counting the opens of <paramref name="path"/>; returns once the watch is in place.</summary>
    public static FileOpenCounter Start(string path)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(path);
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        if (process.StandardOutput.ReadLine() != "watching")
        {
            var error = process.StandardError.ReadToEnd();
            process.Dispose();
            throw new InvalidOperationException($"python3 could not watch {path}: {error}");
        }

        return new FileOpenCounter(process);
    }

    /// <summary>Stops counting and returns the opens seen since <see cref="Start"/>.</summary>
    public async Task<int> StopAsync(CancellationToken cancellationToken)
    {
        _process.StandardInput.Close();
        var count = await _process.StandardOutput.ReadLineAsync(cancellationToken);
        await _process.WaitForExitAsync(cancellationToken);
        return int.Parse(count ?? throw new InvalidOperationException("the counter printed nothing"), CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
