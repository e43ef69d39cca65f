using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Feeds;
using TradingAlerts.Feeds.Csv;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.DevTools.Commands;

/// <summary><c>replay --csv FILE --symbol EURUSD --db collector.db [--speed 60|max] [--from] [--to]</c>.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var csv = new Option<FileInfo>("--csv") { Description = "MT5 export (tab-separated, M1 or M5) or HistData CSV", Required = true };
        var symbol = new Option<string>("--symbol") { Description = "Symbol the file holds (broker names accepted: EURUSD.i)", Required = true };
        symbol.Validators.Add(r =>
        {
            if (!Symbols.TryNormalize(r.GetValueOrDefault<string>(), out _, out var error))
            {
                r.AddError(error);
            }
        });
        var db = CliOptions.Database();
        var speed = CliOptions.Speed("max", "Simulated seconds per second (60 = one M1 bar a second) or 'max'");
        var from = new Option<DateTime?>("--from") { Description = "First bar time to replay (inclusive, server time)" };
        var to = new Option<DateTime?>("--to") { Description = "Bar time to stop before (exclusive, server time)" };
        var command = new Command("replay", "Replay exported history into a collector file, cycle by cycle, as MT5 would write it")
        {
            csv, symbol, db, speed, from, to,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(csv)!;
            if (!file.Exists)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]CSV file not found: {file.FullName}[/]");
                return 1;
            }

            var (bars, errors) = HistoryCsvReader.Read(File.ReadLines(file.FullName));
            foreach (var error in errors.Take(5))
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]skipped {error}[/]");
            }

            if (errors.Count > 5)
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]… and {errors.Count - 5} more lines skipped[/]");
            }

            var first = ToUnix(parse.GetValue(from)) ?? long.MinValue;
            var last = ToUnix(parse.GetValue(to)) ?? long.MaxValue;
            bars = [.. bars.Where(b => b.Time >= first && b.Time < last)];
            if (bars.Count == 0)
            {
                AnsiConsole.MarkupLine("[red]No bars to replay in that range.[/]");
                return 1;
            }

            using var writer = new CollectorWriter(parse.GetValue(db)!.FullName);
            var feed = new ReplayFeed(writer, parse.GetValue(symbol)!);
            FeedStats? stats = null;
            try
            {
                await AnsiConsole.Progress().AutoClear(false).StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"replay {Symbols.Normalize(parse.GetValue(symbol))}", maxValue: bars.Count);
                    stats = await feed.RunAsync(bars, parse.SpeedValue(speed), new Progress<int>(n => task.Value = n), cancellationToken).ConfigureAwait(false);
                    task.Value = bars.Count;
                }).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{ex.Message}[/]");
                return 1;
            }

            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"replayed {stats!.InputBars} bars in {stats.Cycles} cycles: {stats.RowsWritten} rows written to {writer.Path} in {stats.Elapsed.TotalSeconds:0.0} s ({stats.RowsPerSecond:0} rows/s)"));
            return 0;
        });
        return command;
    }

    private static long? ToUnix(DateTime? time) =>
        time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)).ToUnixTimeSeconds() : null;
}
