using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.Indicators.Synthetic;

namespace TradingAlerts.Feeds.SyntheticCollector;

/// <summary>
/// A demo's data source: a synthetic collector writing all 15 symbols on all 9 timeframes into
/// a local SQLite file, first the history, then live cycles, exactly as the MQL5 service would. The ingest
/// agent tails that file like any other.
/// </summary>
internal sealed partial class SyntheticCollectorService(IOptions<SyntheticCollectorOptions> options, SyntheticCollectorFile file, ILogger<SyntheticCollectorService> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Create the file (and its schema) before the agent starts tailing it.
        file.Recreate();
        LogStarting(logger, file.Path);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var writer = new CollectorWriter(file.Path);
        var feed = new SyntheticFeed(writer, new SyntheticMarket(Symbols.All));
        var now = feed.Now;
        // The history is long synchronous SQLite work: a dedicated thread keeps it off the pool the grains use.
        var history = await Task.Factory.StartNew(
            () => feed.WriteHistory(now - (settings.Days * 86_400L), now, rowsPerTransaction: 2_000, cancellationToken: stoppingToken),
            stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        LogHistory(logger, history.RowsWritten, settings.Days, history.Elapsed.TotalSeconds);
        await feed.RunLiveAsync(now, TimeSpan.FromSeconds(settings.IntervalSeconds), settings.Speed,
            ex => LogWriteFailed(logger, ex.Message), stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo collector writing synthetic history, then live bars, to {Path}. To ingest a real MT5 collector file instead, set Ingest:SqlitePaths (e.g. --Ingest:SqlitePaths:0=/path/to/collector.db); the demo then stays off.")]
    private static partial void LogStarting(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo collector wrote {Rows} rows of {Days} days of history in {Seconds:0.0} s; now live")]
    private static partial void LogHistory(ILogger logger, long rows, int days, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo collector write failed, retrying with the next cycle: {Error}")]
    private static partial void LogWriteFailed(ILogger logger, string error);
}
