using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.IntegrationTests.Infrastructure;

/// <summary>
/// Exactly once, checked value by value: for every pair of the symbols, the bars PostgreSQL holds are the bars of
/// the source (a collector file, or the rows a test ingested), none missing and none extra, each with the same
/// OHLC and indicator values. Numbers compare exactly (both sides are IEEE doubles); JSON compares semantically
/// (JSONB reorders keys and drops whitespace): same structure, same keys, numbers equal as decimal values.
/// </summary>
public static class CollectorParity
{
    private static readonly IReadOnlyList<IndicatorColumn> Columns = IndicatorCatalogue.Columns;

    /// <summary>Differences between PostgreSQL and the collector file at <paramref name="collectorPath"/>; empty when they agree.</summary>
    public static async Task<List<string>> DifferencesAsync(PostgresDatabase db, string collectorPath, IEnumerable<string> symbols)
    {
        var differences = new List<string>();
        await using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = collectorPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        await sqlite.OpenAsync();
        foreach (var pair in Pairs(symbols))
        {
            await using var command = sqlite.CreateCommand();
            command.CommandText = $"SELECT timestamp, open, high, low, close, {string.Join(", ", Columns.Select(c => c.Name))} " +
                                  $"FROM {pair.Symbol} WHERE timeframe = $tf ORDER BY timestamp";
            command.Parameters.AddWithValue("$tf", pair.Timeframe.Name());
            var collected = new List<Bar>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    collected.Add(Read(i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
                }
            }

            differences.AddRange(Compare(pair, collected, await StoredAsync(db, pair)));
        }

        return differences;
    }

    /// <summary>Differences between PostgreSQL and rows a test ingested (the latest seq of each bar counts).</summary>
    public static async Task<List<string>> DifferencesAsync(PostgresDatabase db, IEnumerable<BarRecord> rows, string symbol)
    {
        var latest = rows.GroupBy(r => (r.Timeframe, r.Time)).Select(g => g.MaxBy(r => r.Seq)!).ToList();
        var differences = new List<string>();
        foreach (var pair in Pairs([symbol]))
        {
            var source = latest.Where(r => r.Timeframe == pair.Timeframe).OrderBy(r => r.Time).Select(r =>
            {
                var v = r.Indicators;
                object?[] values = [r.Time, r.Open, r.High, r.Low, r.Close,
                    v.Fractals, v.HorizontalTrendlines, v.DiagonalTrendlines, v.MomentumCandles, v.KeltnerChannels, v.Tema, v.Hrma, v.Smma, v.ZigZag];
                return Read(i => values[i]);
            }).ToList();
            differences.AddRange(Compare(pair, source, await StoredAsync(db, pair)));
        }

        return differences;
    }

    /// <summary>Asserts PostgreSQL equals the collector file, naming every pair that differs.</summary>
    public static async Task AssertEqualAsync(PostgresDatabase db, string collectorPath, IEnumerable<string> symbols) =>
        Verdict(await DifferencesAsync(db, collectorPath, symbols));

    /// <summary>Asserts PostgreSQL equals the rows a test ingested.</summary>
    public static async Task AssertEqualAsync(PostgresDatabase db, IEnumerable<BarRecord> rows, string symbol) =>
        Verdict(await DifferencesAsync(db, rows, symbol));

    /// <summary>Waits (bounded) until PostgreSQL equals the collector file, then asserts it (with the differences when it never did).</summary>
    public static async Task WaitForEqualAsync(PostgresDatabase db, string collectorPath, IEnumerable<string> symbols, TimeSpan? bound = null)
    {
        var list = symbols.ToList();
        Verdict(await Eventually.LastAsync(() => DifferencesAsync(db, collectorPath, list), d => d.Count == 0,
            bound ?? TimeSpan.FromSeconds(180), TimeSpan.FromMilliseconds(200)));
    }

    private static void Verdict(List<string> differences) =>
        Assert.True(differences.Count == 0, "PostgreSQL differs from the source:" + Environment.NewLine + string.Join(Environment.NewLine, differences));

    private static IEnumerable<Pair> Pairs(IEnumerable<string> symbols) => symbols.SelectMany(s => Timeframes.All.Select(tf => new Pair(s, tf)));

    private static Task<List<Bar>> StoredAsync(PostgresDatabase db, Pair pair) => db.QueryAsync(
        $"SELECT extract(epoch FROM timestamp)::bigint, open, high, low, close, " +
        $"{string.Join(", ", Columns.Select(c => c.Kind == IndicatorKind.Json ? c.Name + "::text" : c.Name))} FROM {pair.TableName} ORDER BY timestamp",
        r => Read(i => r.IsDBNull(i) ? null : r.GetValue(i)));

    /// <summary>A row in column order: timestamp, OHLC, then the catalogue's indicator columns.</summary>
    private static Bar Read(Func<int, object?> value)
    {
        var indicators = new string?[Columns.Count];
        for (var i = 0; i < Columns.Count; i++)
        {
            var raw = value(5 + i);
            indicators[i] = raw is null ? null
                : Columns[i].Kind == IndicatorKind.Json ? CanonicalJson((string)raw)
                : Number(raw).ToString("R", CultureInfo.InvariantCulture);
        }

        return new Bar(Convert.ToInt64(value(0), CultureInfo.InvariantCulture), Number(value(1)!), Number(value(2)!), Number(value(3)!), Number(value(4)!), indicators);
    }

    private static double Number(object value) => value switch
    {
        double d => d,
        string s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture), // SQLite may hold numeric text
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    private static IEnumerable<string> Compare(Pair pair, List<Bar> source, List<Bar> stored)
    {
        var expected = source.ToDictionary(b => b.Time);
        var actual = stored.ToDictionary(b => b.Time);
        var missing = expected.Keys.Where(t => !actual.ContainsKey(t)).Order().ToList();
        var extra = actual.Keys.Where(t => !expected.ContainsKey(t)).Order().ToList();
        var different = expected.Values.Where(b => actual.TryGetValue(b.Time, out var s) && !b.SameValues(s)).ToList();
        if (missing.Count + extra.Count + different.Count == 0)
        {
            if (stored.Count != source.Count)
            {
                yield return $"{pair.Key}: {source.Count} bars in the source, {stored.Count} rows stored";
            }

            yield break;
        }

        yield return string.Create(CultureInfo.InvariantCulture,
            $"{pair.Key}: {source.Count} bars in the source, {stored.Count} stored; missing {missing.Count} {Sample(missing)}, extra {extra.Count} {Sample(extra)}, " +
            $"different {different.Count}{(different.Count > 0 ? $" (first at {different[0].Time}: {different[0].Describe(actual[different[0].Time])})" : string.Empty)}");
    }

    private static string Sample(List<long> times) =>
        times.Count == 0 ? string.Empty : "[" + string.Join(", ", times.Take(5)) + (times.Count > 5 ? ", …" : string.Empty) + "]";

    /// <summary>JSON with object keys sorted, no whitespace and every number as its exact decimal value (digits e exponent).</summary>
    internal static string CanonicalJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var text = new StringBuilder();
        Write(document.RootElement, text);
        return text.ToString();
    }

    private static void Write(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                var first = true;
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    text.Append(first ? string.Empty : ",").Append(JsonSerializer.Serialize(property.Name)).Append(':');
                    Write(property.Value, text);
                    first = false;
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    text.Append(index++ == 0 ? string.Empty : ",");
                    Write(item, text);
                }

                text.Append(']');
                break;
            case JsonValueKind.Number:
                text.Append(ExactNumber(element.GetRawText()));
                break;
            case JsonValueKind.String:
                text.Append(JsonSerializer.Serialize(element.GetString())); // one escaping for every spelling
                break;
            default:
                text.Append(element.GetRawText());
                break;
        }
    }

    /// <summary>"-1.2300e-5" → "-123e-8": the same text for every spelling of one decimal value.</summary>
    private static string ExactNumber(string raw)
    {
        var negative = raw.StartsWith('-');
        var body = raw.TrimStart('-');
        var exponent = 0;
        var e = body.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            exponent = int.Parse(body[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            body = body[..e];
        }

        var dot = body.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            exponent -= body.Length - dot - 1;
            body = body.Remove(dot, 1);
        }

        body = body.TrimStart('0');
        var trimmed = body.TrimEnd('0');
        exponent += body.Length - trimmed.Length;
        return trimmed.Length == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{(negative ? "-" : string.Empty)}{trimmed}e{exponent}");
    }

    private sealed record Bar(long Time, double Open, double High, double Low, double Close, string?[] Indicators)
    {
        public bool SameValues(Bar other) =>
            Open.Equals(other.Open) && High.Equals(other.High) && Low.Equals(other.Low) && Close.Equals(other.Close)
            && Indicators.SequenceEqual(other.Indicators, StringComparer.Ordinal);

        public string Describe(Bar stored)
        {
            if (!(Open.Equals(stored.Open) && High.Equals(stored.High) && Low.Equals(stored.Low) && Close.Equals(stored.Close)))
            {
                return string.Create(CultureInfo.InvariantCulture, $"OHLC {Open:R}/{High:R}/{Low:R}/{Close:R} vs stored {stored.Open:R}/{stored.High:R}/{stored.Low:R}/{stored.Close:R}");
            }

            var i = Enumerable.Range(0, Indicators.Length).First(i => !string.Equals(Indicators[i], stored.Indicators[i], StringComparison.Ordinal));
            return $"{Columns[i].Name} {Indicators[i] ?? "NULL"} vs stored {stored.Indicators[i] ?? "NULL"}";
        }
    }
}
