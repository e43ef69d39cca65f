using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.Feeds;
using TradingAlerts.Indicators.Synthetic;

namespace TradingAlerts.TestSupport;

/// <summary>
/// A synthetic MT5 terminal writing a collector file: days of history from 2022-01-04, then (when asked) live cycles
/// until stopped. One writer and market for both, so the live rows continue (and rewrite) the history.
/// </summary>
public static class LiveCollectorFeed
{
    private static readonly long HistoryStart = new DateTimeOffset(2022, 1, 4, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    /// <summary>
    /// Writes <paramref name="historyDays"/> of history into <paramref name="path"/> and returns where it ends, with the
    /// live cycles' task (already completed when <paramref name="live"/> is false).
    /// </summary>
    public static (long End, Task Live) Start(string path, IEnumerable<string> symbols, int historyDays, bool live, CancellationToken stop)
    {
        var writer = new CollectorWriter(path);
        var feed = new SyntheticFeed(writer, new SyntheticMarket(symbols));
        var end = HistoryStart + (historyDays * 86_400L);
        // The history is written whole even when the test is already stopping: the live task owns the writer.
        feed.WriteHistory(HistoryStart, end, cancellationToken: CancellationToken.None);
        if (!live)
        {
            writer.Dispose();
            return (end, Task.CompletedTask);
        }

        // 60 simulated seconds every 200 ms: forming bars are rewritten and a new M5 bar opens about every second.
        var cycles = Task.Run(async () =>
        {
            using (writer)
            {
                await feed.RunLiveAsync(end, TimeSpan.FromMilliseconds(200), speed: 300, cancellationToken: stop);
            }
        }, CancellationToken.None);
        return (end, cycles);
    }
}
