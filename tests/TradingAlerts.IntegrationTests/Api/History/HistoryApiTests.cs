using System.Net;
using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.IntegrationTests.Api.History;

/// <summary>
/// History by time range (<c>from</c>/<c>to</c>/<c>limit</c>) on a silo whose pairs hold 50 bars in memory and PostgreSQL
/// holds four days: which path answers, what the stored rows say, tiers, no_data/next_time, ETag and bad input.
/// </summary>
public sealed class HistoryApiTests(SmallWindowFixture api) : IClassFixture<SmallWindowFixture>
{
    private const long Start = ApiFixture.HistoryStart;
    private const int M5 = 300;

    /// <summary>Open time of the latest (forming) M5 bar, as the latest-bars endpoint reports it.</summary>
    private async Task<long> LatestM5Async()
    {
        var latest = await ApiCall.GetAsync(api.Client(api.ProToken), "/api/indicators/EURUSD/M5?limit=1");
        return latest.Body.GetProperty("data").GetProperty("ohlc")[0].GetProperty("time").GetInt64();
    }

    [Fact]
    public async Task A_range_up_to_the_latest_bar_is_the_latest_bars_body_answered_from_memory()
    {
        var client = api.Client(api.ProToken);
        var latest = await ApiCall.GetAsync(client, "/api/indicators/EURUSD/M5?limit=20");
        var times = latest.Body.GetProperty("data").GetProperty("ohlc").EnumerateArray().Select(b => b.GetProperty("time").GetInt64()).ToList();

        var range = await HistoryCall.GetAsync(client, $"/api/indicators/EURUSD/M5?from={times[0]}");

        Assert.Equal(HttpStatusCode.OK, range.Call.Status);
        Assert.Equal("memory", range.Source);
        foreach (var property in latest.Body.GetProperty("data").EnumerateObject().Where(p => p.Name != "metadata"))
        {
            Assert.True(JsonElement.DeepEquals(property.Value, range.Data.GetProperty(property.Name)), property.Name);
        }

        Assert.False(range.Data.GetProperty("metadata").GetProperty("no_data").GetBoolean());
        Assert.False(range.Data.GetProperty("metadata").TryGetProperty("next_time", out _));
    }

    [Fact]
    public async Task Bars_older_than_the_window_come_from_PostgreSQL_as_stored()
    {
        var range = await HistoryCall.GetAsync(api.Client(api.ProToken), $"/api/indicators/EURUSD/M5?from={Start}&to={Start + (99 * M5)}");

        Assert.Equal(HttpStatusCode.OK, range.Call.Status);
        Assert.Equal("postgres", range.Source);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => Start + (i * M5)), range.Times);
        var stored = await api.Database.QueryAsync(
            $"SELECT close, tema FROM {new Pair("EURUSD", Timeframe.M5).TableName} WHERE timestamp < to_timestamp({Start + (100 * M5)}) ORDER BY timestamp",
            r => (Close: r.GetDouble(0), Tema: r.IsDBNull(1) ? (double?)null : r.GetDouble(1)));
        Assert.Equal(stored.Select(s => s.Close), range.Data.GetProperty("ohlc").EnumerateArray().Select(b => b.GetProperty("close").GetDouble()));
        Assert.Equal(stored.Select(s => s.Tema), range.Data.GetProperty("tema").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()));
        Assert.All(range.Data.GetProperty("ohlc").EnumerateArray(), b => Assert.True(b.GetProperty("closed").GetBoolean()));
        Assert.Equal(100, range.Data.GetProperty("metadata").GetProperty("bars_returned").GetInt32());
    }

    [Fact]
    public async Task Limit_counts_back_from_to()
    {
        var to = Start + (500 * M5) + 17; // not on a bar's open: the bar that opened before it is the newest
        var range = await HistoryCall.GetAsync(api.Client(api.ProToken), $"/api/indicators/EURUSD/M5?to={to}&limit=30");

        Assert.Equal(Enumerable.Range(471, 30).Select(i => Start + (i * M5)), range.Times);
        Assert.Equal("postgres", range.Source);
    }

    [Fact]
    public async Task Free_callers_see_pro_columns_empty_from_PostgreSQL_and_locked_pairs_stay_locked()
    {
        var url = $"/api/indicators/EURUSD/H1?from={Start}&to={Start + (9 * 3600)}";
        var free = await HistoryCall.GetAsync(api.Client(api.FreeToken), url);
        var pro = await HistoryCall.GetAsync(api.Client(api.ProToken), url);

        Assert.Equal(("postgres", "postgres"), (free.Source, pro.Source));
        Assert.Equal(pro.Times, free.Times);
        Assert.Equal(10, free.Times.Count);
        Assert.Equal(10, pro.Data.GetProperty("tema").GetArrayLength());
        Assert.Equal(0, free.Data.GetProperty("tema").GetArrayLength());
        Assert.Equal(0, free.Data.GetProperty("momentum_candles").GetArrayLength());
        Assert.Equal("{}", free.Data.GetProperty("keltner_channels").GetRawText());
        Assert.Equal("FREE", free.Data.GetProperty("metadata").GetProperty("tier").GetString());

        var locked = await ApiCall.GetAsync(api.Client(api.FreeToken), $"/api/indicators/EURUSD/M5?from={Start}&to={Start + 3000}");
        Assert.Equal(HttpStatusCode.Forbidden, locked.Status);
        Assert.True(locked.Body.GetProperty("upgrade_required").GetBoolean());
    }

    [Fact]
    public async Task An_empty_range_says_no_data_and_names_the_next_older_bar_from_either_path()
    {
        var client = api.Client(api.ProToken);
        var stored = Start + (100 * M5);
        var held = await LatestM5Async() - (10 * M5);

        // Inside one bar's period, after its open: no bar opened in the range, the bar before it is the next older one.
        foreach (var (bar, source) in new[] { (stored, "postgres"), (held, "memory") })
        {
            var empty = await HistoryCall.GetAsync(client, $"/api/indicators/EURUSD/M5?from={bar + 60}&to={bar + 240}");
            Assert.Equal(HttpStatusCode.OK, empty.Call.Status);
            Assert.Equal(source, empty.Source);
            Assert.Empty(empty.Times);
            var metadata = empty.Data.GetProperty("metadata");
            Assert.True(metadata.GetProperty("no_data").GetBoolean());
            Assert.Equal(bar, metadata.GetProperty("next_time").GetInt64());
            Assert.Equal(0, metadata.GetProperty("bars_returned").GetInt32());

            // Asking at next_time finds that bar: a client following next_time moves on and never loops.
            var next = await HistoryCall.GetAsync(client, $"/api/indicators/EURUSD/M5?from={bar}&to={bar + 240}");
            Assert.Equal([bar], next.Times);
        }

        var before = await HistoryCall.GetAsync(client, $"/api/indicators/EURUSD/M5?from={Start - 86_400}&to={Start - 1}");
        Assert.True(before.Data.GetProperty("metadata").GetProperty("no_data").GetBoolean());
        Assert.Equal(JsonValueKind.Null, before.Data.GetProperty("metadata").GetProperty("next_time").ValueKind);
    }

    [Fact]
    public async Task A_range_answer_has_an_etag_and_answers_304_to_it()
    {
        var client = api.Client(api.ProToken);
        var url = $"/api/indicators/EURUSD/M5?from={Start}&to={Start + 3000}";
        var first = await HistoryCall.GetAsync(client, url);
        Assert.NotNull(first.Call.ETag);

        var again = await HistoryCall.GetAsync(client, url, first.Call.ETag);
        Assert.Equal(HttpStatusCode.NotModified, again.Call.Status);
        Assert.Equal(first.Call.ETag, again.Call.ETag);

        var other = await HistoryCall.GetAsync(client, $"/api/indicators/EURUSD/M5?from={Start}&to={Start + 3300}", first.Call.ETag);
        Assert.Equal(HttpStatusCode.OK, other.Call.Status);
        Assert.NotEqual(first.Call.ETag, other.Call.ETag);
    }

    [Fact]
    public async Task Iso_8601_and_unix_seconds_name_the_same_range()
    {
        var client = api.Client(api.ProToken);
        // 1641284400 = 2022-01-04T08:20:00Z, 1641286800 = 2022-01-04T09:00:00Z (without an offset: the bars' clock as is).
        var unix = await HistoryCall.GetAsync(client, "/api/indicators/EURUSD/M5?from=1641284400&to=1641286800");
        var iso = await HistoryCall.GetAsync(client, "/api/indicators/EURUSD/M5?from=2022-01-04T08:20:00Z&to=2022-01-04T11:00%2B02:00");

        Assert.Equal(9, unix.Times.Count);
        Assert.Equal(unix.Call.Text, iso.Call.Text);
    }

    [Theory]
    [InlineData("from=1641300000&to=1641200000", "Invalid range: from (1641300000) is after to (1641200000)")]
    [InlineData("from=yesterday", "Invalid from: yesterday (unix seconds or ISO 8601, e.g. 2024-01-02T03:04:05Z)")]
    [InlineData("from=-5", "Invalid from: -5 (unix seconds or ISO 8601, e.g. 2024-01-02T03:04:05Z)")]
    [InlineData("to=2022-13-01", "Invalid to: 2022-13-01 (unix seconds or ISO 8601, e.g. 2024-01-02T03:04:05Z)")]
    [InlineData("from=1641254400&to=1641404400", "Range too wide: 501 M5 bars from 1641254400 to 1641404400 (at most 500; pass limit or a narrower range)")]
    [InlineData("from=1641254400", "Range too wide: 1152 M5 bars from 1641254400 to 1641599700 (at most 500; pass limit or a narrower range)")]
    [InlineData("from=1641254400&limit=0", "Invalid limit: 0 (1..500 with from/to)")]
    [InlineData("to=1641254400&limit=501", "Invalid limit: 501 (1..500 with from/to)")]
    [InlineData("to=1641254400&limit=12a", "Invalid limit: 12a (1..500 with from/to)")]
    public async Task Bad_ranges_are_400_with_the_envelope(string query, string error)
    {
        // Api:History:MaxBars is 500 here (SmallWindowFixture); four days of M5 are 1,152 bars up to the latest, 1641599700.
        var call = await ApiCall.GetAsync(api.Client(api.ProToken), $"/api/indicators/EURUSD/M5?{query}");
        Assert.True(call.IsError(HttpStatusCode.BadRequest, error), call.ToString());
    }
}
