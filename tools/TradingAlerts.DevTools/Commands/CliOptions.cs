using System.CommandLine;
using System.Globalization;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.DevTools.Commands;

/// <summary>Options shared by the feed commands, with their parsing and validation.</summary>
internal static class CliOptions
{
    public static Option<FileInfo> Database() => new("--db")
    {
        Description = "Collector SQLite file to write (created with the schema of sql/sqlite_schema.sql)",
        DefaultValueFactory = _ => new FileInfo("collector.db"),
    };

    public static Option<string[]> Symbols() => new("--symbols")
    {
        Description = "'all' or comma-separated symbols (broker suffixes are stripped: EURUSD.i → EURUSD)",
        DefaultValueFactory = _ => ["all"],
        CustomParser = result => ParseSymbols(string.Join(',', result.Tokens.Select(t => t.Value)), result),
        AllowMultipleArgumentsPerToken = true,
    };

    public static Option<int> Days(int defaultDays) => new Option<int>("--days")
    {
        Description = "Days of history to write before going live",
        DefaultValueFactory = _ => defaultDays,
    }.AcceptRange(0, 3650);

    public static Option<int> Seed() => new("--seed")
    {
        Description = "Random seed (the same seed writes the same prices)",
        DefaultValueFactory = _ => 1,
    };

    /// <summary>"max" (as fast as possible: +∞) or simulated seconds per wall second; read it with <see cref="SpeedValue"/>.</summary>
    /// <remarks>
    /// Not <c>Option&lt;double?&gt;</c>: System.CommandLine cannot cast a custom parser's null back to
    /// <c>double?</c>, so an explicit <c>--speed max</c> threw InvalidCastException while the default worked.
    /// </remarks>
    public static Option<double> Speed(string defaultValue, string description) => new("--speed")
    {
        Description = description,
        DefaultValueFactory = result => ParseSpeed(defaultValue, result),
        CustomParser = result => ParseSpeed(result.Tokens.Single().Value, result),
    };

    /// <summary>The parsed <c>--speed</c>: null for "max", else simulated seconds per second.</summary>
    public static double? SpeedValue(this ParseResult parse, Option<double> speed) =>
        parse.GetValue(speed) is var value && double.IsPositiveInfinity(value) ? null : value;

    private static double ParseSpeed(string text, System.CommandLine.Parsing.ArgumentResult result)
    {
        if (string.Equals(text, "max", StringComparison.OrdinalIgnoreCase))
        {
            return double.PositiveInfinity;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) && double.IsFinite(speed) && speed > 0 && speed <= 1_000_000)
        {
            return speed;
        }

        result.AddError($"--speed must be 'max' or a number of simulated seconds per second in (0, 1000000]; got '{text}'");
        return double.PositiveInfinity;
    }

    private static string[] ParseSymbols(string text, System.CommandLine.Parsing.ArgumentResult result)
    {
        if (string.IsNullOrWhiteSpace(text) || string.Equals(text.Trim(), "all", StringComparison.OrdinalIgnoreCase))
        {
            return [.. TradingAlerts.Abstractions.Catalogue.Symbols.All];
        }

        var symbols = new List<string>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TradingAlerts.Abstractions.Catalogue.Symbols.TryNormalize(part, out var symbol, out var error))
            {
                symbols.Add(symbol);
            }
            else
            {
                result.AddError(error);
            }
        }

        return [.. symbols.Distinct(StringComparer.Ordinal)];
    }

    private static Option<int> AcceptRange(this Option<int> option, int min, int max)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
            {
                result.AddError($"{option.Name} must be between {min} and {max}; got {value}");
            }
        });
        return option;
    }
}
