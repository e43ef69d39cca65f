using System.Collections.Concurrent;
using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Positions;

/// <summary>A bar version as compared across memory, PostgreSQL and the test's own SQL: values, JSON canonical (jsonb reorders keys).</summary>
public sealed record VersionRow(long Position, long Time, double Open, double High, double Low, double Close, double? Tema, double? Hrma, double? Smma, string Json)
{
    public static VersionRow Of(BarVersion v) => Of(v.Position, v.Bar);

    public static VersionRow Of(long position, BarRecord b) =>
        new(position, b.Time, b.Open, b.High, b.Low, b.Close, b.Indicators.Tema, b.Indicators.Hrma, b.Indicators.Smma,
            Canonical(b.Indicators.Fractals, b.Indicators.HorizontalTrendlines, b.Indicators.DiagonalTrendlines,
                b.Indicators.MomentumCandles, b.Indicators.KeltnerChannels, b.Indicators.ZigZag));

    /// <summary>The rows of a bar table with change_seq in (after, upTo], by the test's own query.</summary>
    public static Task<List<VersionRow>> StoredAsync(SchemaDatabase db, Pair pair, long after, long upTo = long.MaxValue) => db.QueryAsync(
        "SELECT change_seq, extract(epoch FROM timestamp)::bigint, open, high, low, close, tema, hrma, smma, " +
        "fractals::text, horizontal_trendlines::text, diagonal_trendlines::text, momentum_candles::text, keltner_channels::text, zigzag::text " +
        $"FROM {pair.TableName} WHERE change_seq > {after} AND change_seq <= {upTo} ORDER BY change_seq",
        r => new VersionRow(r.GetInt64(0), r.GetInt64(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5),
            r.IsDBNull(6) ? null : r.GetDouble(6), r.IsDBNull(7) ? null : r.GetDouble(7), r.IsDBNull(8) ? null : r.GetDouble(8),
            Canonical([.. Enumerable.Range(9, 6).Select(i => r.IsDBNull(i) ? null : r.GetString(i))])));

    private static string Canonical(params string?[] documents) =>
        string.Join("|", documents.Select(d => d is null ? "null" : Write(JsonDocument.Parse(d).RootElement)));

    private static string Write(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"\"{p.Name}\":{Write(p.Value)}")) + "}",
        JsonValueKind.Array => "[" + string.Join(",", e.EnumerateArray().Select(Write)) + "]",
        JsonValueKind.Number => e.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => e.GetRawText(),
    };
}

/// <summary>Every change set a grain pushed, in arrival order.</summary>
public sealed class ChangeRecorder : IBarObserver
{
    public ConcurrentQueue<PairChanges> Sets { get; } = new();

    public void OnChanges(PairChanges changes) => Sets.Enqueue(changes);
}

/// <summary>Bars of one pair with plain values (prices from <paramref name="close"/>), as a test writes them.</summary>
public static class TestBars
{
    public static BarRecord Bar(Pair pair, int index, double close, long seq, double? tema = null) =>
        new(pair.Timeframe, Start + (index * (long)pair.Timeframe.Seconds()), close, close + 1, close - 1, close,
            IndicatorValues.None with { Tema = tema }, seq, WrittenAtMs: 1);

    /// <summary>2022-01-03 00:00 UTC, a Monday: aligned for every timeframe.</summary>
    public const long Start = 1_641_168_000;
}
