using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.Feeds;
using TradingAlerts.Indicators.Synthetic;

namespace TradingAlerts.IntegrationTests.Infrastructure;

/// <summary>
/// A live collector on a file, as a terminal runs it: a day of synthetic history, then a cycle every 200 ms rewriting
/// the forming bars (each cycle new seqs). Disposing stops it and closes the file.
/// </summary>
public sealed class LiveCollectorWriter : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;
    private int _failedWrites;

    public LiveCollectorWriter(string path, params string[] symbols)
    {
        _run = Task.Run(async () =>
        {
            using var writer = new CollectorWriter(path);
            var feed = new SyntheticFeed(writer, new SyntheticMarket(symbols));
            var now = feed.Now;
            feed.WriteHistory(now - 86_400, now, cancellationToken: _stop.Token);
            await feed.RunLiveAsync(now, TimeSpan.FromMilliseconds(200), onError: _ => Interlocked.Increment(ref _failedWrites), cancellationToken: _stop.Token);
        });
    }

    /// <summary>Cycles whose write failed (a lock, a damaged file); the feed retries their rows with the next cycle.</summary>
    public int FailedWrites => Volatile.Read(ref _failedWrites);

    /// <summary>Stops writing and closes the file (the writer's last connection checkpoints it).</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}
