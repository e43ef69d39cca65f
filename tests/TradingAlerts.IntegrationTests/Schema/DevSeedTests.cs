using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Persistence.Schema;

namespace TradingAlerts.IntegrationTests.Schema;

/// <summary>sql/seed_data.sql on a real database: complete, consistent across timeframes, valid JSON shapes.</summary>
public sealed class DevSeedTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    private static readonly string[] SeedSymbols = ["EURUSD", "XAUUSD"];

    public static TheoryData<string, Timeframe> SeedPairs() =>
        [.. SeedSymbols.SelectMany(s => Timeframes.All.Select(tf => (s, tf)))];

    [Theory]
    [MemberData(nameof(SeedPairs))]
    public async Task Two_days_of_bars_on_every_timeframe(string symbol, Timeframe tf)
    {
        var table = new Pair(symbol, tf).TableName;
        var count = await db.ScalarAsync<long>($"SELECT count(*) FROM {table}");
        Assert.Equal(2 * 86_400 / tf.Seconds(), count);
        var misaligned = await db.ScalarAsync<long>(
            $"SELECT count(*) FROM {table} WHERE extract(epoch FROM timestamp)::bigint % {tf.Seconds()} <> 0");
        Assert.Equal(0L, misaligned);
        var badRange = await db.ScalarAsync<long>(
            $"SELECT count(*) FROM {table} WHERE high < greatest(open, close) OR low > least(open, close)");
        Assert.Equal(0L, badRange);
    }

    [Theory]
    [MemberData(nameof(SeedPairs))]
    public async Task Higher_timeframes_are_exact_aggregates_of_m5(string symbol, Timeframe tf)
    {
        var m5 = new Pair(symbol, Timeframe.M5).TableName;
        var table = new Pair(symbol, tf).TableName;
        var mismatches = await db.ScalarAsync<long>(
            $"""
            WITH agg AS (
                SELECT to_timestamp(floor(extract(epoch FROM timestamp) / {tf.Seconds()}) * {tf.Seconds()}) AS bucket,
                       (array_agg(open ORDER BY timestamp))[1] AS open, max(high) AS high, min(low) AS low,
                       (array_agg(close ORDER BY timestamp DESC))[1] AS close
                FROM {m5} GROUP BY 1)
            SELECT count(*) FROM {table} t FULL JOIN agg a ON a.bucket = t.timestamp
            WHERE a.bucket IS NULL OR t.timestamp IS NULL
               OR (t.open, t.high, t.low, t.close) IS DISTINCT FROM (a.open, a.high, a.low, a.close)
            """);
        Assert.Equal(0L, mismatches);
    }

    [Fact]
    public async Task Indicator_json_has_the_design_shapes()
    {
        var rows = await db.QueryAsync(
            "SELECT fractals::text, horizontal_trendlines::text, diagonal_trendlines::text, momentum_candles::text, " +
            "keltner_channels::text, zigzag::text, tema, hrma, smma FROM eurusd_h1 UNION ALL " +
            "SELECT fractals::text, horizontal_trendlines::text, diagonal_trendlines::text, momentum_candles::text, " +
            "keltner_channels::text, zigzag::text, tema, hrma, smma FROM xauusd_m5",
            r => (Fractals: r.GetString(0), Horizontal: r.GetString(1), Diagonal: r.GetString(2), Momentum: r.GetString(3),
                  Keltner: r.IsDBNull(4) ? null : r.GetString(4), ZigZag: r.GetString(5),
                  HasMas: !r.IsDBNull(6) && !r.IsDBNull(7) && !r.IsDBNull(8)));
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            AssertPoints(row.Fractals);
            AssertPoints(row.ZigZag);
            AssertLines(row.Horizontal, "peak_lines", "bottom_lines");
            AssertLines(row.Diagonal, "ascending", "descending");
            using var momentum = JsonDocument.Parse(row.Momentum);
            Assert.Equal(JsonValueKind.Array, momentum.RootElement.ValueKind);
            foreach (var candle in momentum.RootElement.EnumerateArray())
            {
                AssertKeys(candle, "time", "direction", "body_ratio");
                Assert.Contains(candle.GetProperty("direction").GetString(), new[] { "bullish", "bearish" });
                Assert.True(candle.GetProperty("body_ratio").GetDouble() > 0);
            }

            if (row.Keltner is not null)
            {
                using var keltner = JsonDocument.Parse(row.Keltner);
                var upper = keltner.RootElement.GetProperty("upper").EnumerateArray().Select(e => e.GetDouble()).ToList();
                var lower = keltner.RootElement.GetProperty("lower").EnumerateArray().Select(e => e.GetDouble()).ToList();
                var middle = keltner.RootElement.GetProperty("middle").GetDouble();
                Assert.Equal(5, upper.Count);
                Assert.Equal(5, lower.Count);
                Assert.Equal(upper.Order(), upper); // inner → outer
                Assert.Equal(lower.OrderDescending(), lower);
                Assert.True(lower[0] <= middle && middle <= upper[0]);
            }
        }

        // Indicators warm up: by the end of the data every moving average and the channel have values.
        Assert.True(rows[^1].HasMas);
        Assert.Contains(rows, r => r.Keltner is not null);
        Assert.Contains(rows, r => r.Fractals.Contains("\"time\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Applying_the_seed_again_changes_nothing()
    {
        var before = await db.ScalarAsync<string>("SELECT md5(string_agg(t::text, '|' ORDER BY timestamp)) FROM eurusd_m15 t");
        await new PostgresSchemaBootstrapper(db.DataSource).ApplyAsync(includeDevSeed: true, TestContext.Current.CancellationToken);
        Assert.Equal(before, await db.ScalarAsync<string>("SELECT md5(string_agg(t::text, '|' ORDER BY timestamp)) FROM eurusd_m15 t"));
        Assert.True(db.Report.DevSeedApplied);
    }

    private static void AssertPoints(string json)
    {
        using var doc = JsonDocument.Parse(json);
        AssertKeys(doc.RootElement, "peaks", "bottoms");
        foreach (var point in doc.RootElement.EnumerateObject().SelectMany(p => p.Value.EnumerateArray()))
        {
            AssertKeys(point, "time", "price");
            // Times are unix seconds inside the seed's two days, never bar indexes.
            Assert.InRange(point.GetProperty("time").GetInt64(), 1_641_254_400, 1_641_254_400 + (2 * 86_400));
        }
    }

    private static void AssertLines(string json, string first, string second)
    {
        using var doc = JsonDocument.Parse(json);
        AssertKeys(doc.RootElement, first, second);
        foreach (var line in doc.RootElement.EnumerateObject().SelectMany(p => p.Value.EnumerateArray()))
        {
            AssertKeys(line, "start_time", "start_price", "end_time", "end_price", "touches");
            Assert.True(line.GetProperty("end_time").GetInt64() >= line.GetProperty("start_time").GetInt64());
            Assert.True(line.GetProperty("touches").GetInt32() >= 1);
        }
    }

    /// <summary>jsonb keeps keys in its own order (shortest first), so objects are compared by key set.</summary>
    private static void AssertKeys(JsonElement element, params string[] keys) =>
        Assert.Equal(keys.Order(StringComparer.Ordinal), element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
}
