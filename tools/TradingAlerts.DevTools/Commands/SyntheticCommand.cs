using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TradingAlerts.Feeds;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.DevTools.Commands;

/// <summary>
/// <c>synthetic</c> (history, then live until stopped) and <c>backfill</c> (history only, as fast as
/// possible): a random-walk market for the chosen symbols written as the MQL5 service would.
/// </summary>
internal static class SyntheticCommand
{
    public static Command Create() => Build(
        "synthetic", "Write a synthetic market: history, then live cycles until Ctrl+C", live: true, defaultDays: 30);

    public static Command CreateBackfill() => Build(
        "backfill", "Write synthetic history fast (closed bars, large transactions), e.g. a year for benchmarks", live: false, defaultDays: 365);

    private static Command Build(string name, string description, bool live, int defaultDays)
    {
        var symbols = CliOptions.Symbols();
        var db = CliOptions.Database();
        var days = CliOptions.Days(defaultDays);
        var seed = CliOptions.Seed();
        var speed = CliOptions.Speed("1", "Live: simulated seconds per second (1 = real time)");
        var interval = new Option<double>("--interval") { Description = "Live: seconds between cycles", DefaultValueFactory = _ => 1.0 };
        var duration = new Option<double>("--duration") { Description = "Live: stop after this many seconds (0 = until Ctrl+C)", DefaultValueFactory = _ => 0 };
        var command = new Command(name, description) { symbols, db, days, seed };
        if (live)
        {
            command.Options.Add(speed);
            command.Options.Add(interval);
            command.Options.Add(duration);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var market = new SyntheticMarket(parse.GetValue(symbols)!, parse.GetValue(seed));
            using var writer = new CollectorWriter(parse.GetValue(db)!.FullName);
            var feed = new SyntheticFeed(writer, market);
            var to = feed.Now;
            var from = to - (parse.GetValue(days) * 86_400L);
            var barsPerSymbol = (to - from) / 300;
            FeedStats? history = null;
            AnsiConsole.Progress().AutoClear(false).Start(ctx =>
            {
                var tasks = market.Symbols.ToDictionary(s => s, s => ctx.AddTask(s, maxValue: Math.Max(1, barsPerSymbol * 1.72)));
                history = feed.WriteHistory(from, to, new Progress<(string Symbol, long Rows)>(p => tasks[p.Symbol].Value = p.Rows), cancellationToken: cancellationToken);
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                }
            });
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"history: {market.Symbols.Count} symbols x {parse.GetValue(days)} days, {history!.RowsWritten} rows in {history.Elapsed.TotalSeconds:0.0} s ({history.RowsPerSecond:0} rows/s) -> {writer.Path}"));
            if (!live)
            {
                return 0;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (parse.GetValue(duration) is > 0 and var seconds)
            {
                stop.CancelAfter(TimeSpan.FromSeconds(seconds));
            }

            AnsiConsole.WriteLine("live: writing cycles (Ctrl+C to stop)");
            var stats = await feed.RunLiveAsync(to, TimeSpan.FromSeconds(parse.GetValue(interval)), parse.SpeedValue(speed) ?? 1,
                ex => AnsiConsole.MarkupLineInterpolated($"[yellow]write failed, retrying next cycle: {ex.Message}[/]"), stop.Token).ConfigureAwait(false);
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture, $"live: {stats.Cycles} cycles, {stats.RowsWritten} rows"));
            return 0;
        });
        return command;
    }
}
