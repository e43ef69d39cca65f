using System.Globalization;
using System.Text;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.Indicators;

namespace TradingAlerts.DevTools.DevSeed;

/// <summary>
/// Writes sql/seed_data.sql: a few days of synthetic bars for a couple of symbols on all nine
/// timeframes, each with indicators computed on its own timeframe. Deterministic (fixed seeds), so
/// regenerating yields the same file.
/// </summary>
public static class DevSeedWriter
{
    public static IReadOnlyList<string> SeedSymbols { get; } = ["EURUSD", "XAUUSD"];

    /// <summary>2022-01-04 00:00 UTC, a Tuesday.</summary>
    public const long Start = 1_641_254_400;

    public const int Days = 2;

    /// <summary>Smaller structure windows than production keep the file small; the shapes are the same.</summary>
    public static IndicatorSettings Settings { get; } = new() { LookbackBars = 24, LinesPerSide = 2 };

    public static string Generate()
    {
        var sql = new StringBuilder();
        sql.Append("-- Development data: ").Append(Days).Append(" days of synthetic bars (random walk from 2022-01-04 00:00 UTC)\n")
           .Append("-- for ").AppendJoin(" and ", SeedSymbols).Append(" on all nine timeframes, indicators computed per timeframe\n")
           .Append("-- (JSON shapes of docs/architecture.md). The last bar of each timeframe is the forming one.\n")
           .Append("-- Apply after postgresql_schema.sql; existing rows are left alone.\n")
           .Append("-- Generated: dotnet run --project tools/TradingAlerts.DevTools -- seed-sql --out sql/seed_data.sql\n");
        for (var s = 0; s < SeedSymbols.Count; s++)
        {
            var symbol = SeedSymbols[s];
            var walk = new RandomWalk(InstrumentProfile.All[symbol], seed: 20220104 + s);
            var builder = new MultiTimeframeBuilder(Settings);
            var rows = new List<TimeframeBar>();
            var bars = Days * 86_400 / Timeframe.M5.Seconds();
            for (var i = 0; i < bars; i++)
            {
                rows.AddRange(builder.Add(walk.Next(Start + (i * (long)Timeframe.M5.Seconds()))));
            }

            rows.AddRange(builder.Forming());
            foreach (var group in rows.GroupBy(r => r.Timeframe).OrderBy(g => g.Key))
            {
                AppendInsert(sql, new Pair(symbol, group.Key), [.. group.OrderBy(r => r.Bar.Time)]);
            }
        }

        return sql.ToString();
    }

    private static void AppendInsert(StringBuilder sql, Pair pair, List<TimeframeBar> rows)
    {
        sql.Append('\n').Append("INSERT INTO ").Append(pair.TableName).Append(" (timestamp, open, high, low, close, ")
           .AppendJoin(", ", IndicatorCatalogue.Columns.Select(c => c.Name)).Append(") VALUES\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var (bar, v) = (rows[i].Bar, rows[i].Indicators);
            sql.Append(CultureInfo.InvariantCulture, $"(to_timestamp({bar.Time}), {Num(bar.Open)}, {Num(bar.High)}, {Num(bar.Low)}, {Num(bar.Close)}, ")
               .AppendJoin(", ", IndicatorCatalogue.Columns.Select(c => c.Match(json => Json(json.Value(v)), number => Num(number.Value(v)))))
               .Append(i == rows.Count - 1 ? ")\n" : "),\n");
        }

        sql.Append("ON CONFLICT (timestamp) DO NOTHING;\n");
    }

    private static string Num(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "NULL";

    private static string Json(string? json) => json is null ? "NULL" : $"'{json.Replace("'", "''", StringComparison.Ordinal)}'";
}
