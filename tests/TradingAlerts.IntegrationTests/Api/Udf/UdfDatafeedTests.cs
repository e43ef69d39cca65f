using System.Net;
using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.IntegrationTests.Api.Udf;

/// <summary>
/// The UDF datafeed called as the charting library's UDFCompatibleDatafeed calls it (config, symbols, search, time,
/// history), shapes checked field by field against the protocol, bars against the rows PostgreSQL holds, on a broker
/// clock two hours ahead of UTC.
/// </summary>
public sealed class UdfDatafeedTests(UdfFixture api) : IClassFixture<UdfFixture>
{
    private const long Start = ApiFixture.HistoryStart;
    private const int M5 = 300;

    private static string[] Names(JsonElement body) => [.. body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private static List<string?> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString())];

    /// <summary>The stored M5 or D1 rows of EURUSD in [from, to] on the bars' clock: time, o, h, l, c, tick volume.</summary>
    private Task<List<(long T, double O, double H, double L, double C, long V)>> StoredAsync(Timeframe timeframe, long from, long to) =>
        api.Database.QueryAsync(
            $"SELECT extract(epoch FROM timestamp)::bigint, open, high, low, close, tick_volume FROM {new Pair("EURUSD", timeframe).TableName} " +
            $"WHERE timestamp >= to_timestamp({from}) AND timestamp <= to_timestamp({to}) ORDER BY timestamp",
            r => (r.GetInt64(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), r.GetInt64(5)));

    private static void AssertBars(List<(long T, double O, double H, double L, double C, long V)> expected, long offset, JsonElement body)
    {
        Assert.Equal("ok", body.GetProperty("s").GetString());
        Assert.Equal(["c", "h", "l", "o", "s", "t", "v"], Names(body));
        Assert.Equal(expected.Select(b => b.T - offset), body.GetProperty("t").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(expected.Select(b => b.O), body.GetProperty("o").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(expected.Select(b => b.H), body.GetProperty("h").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(expected.Select(b => b.L), body.GetProperty("l").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(expected.Select(b => b.C), body.GetProperty("c").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(expected.Select(b => b.V), body.GetProperty("v").EnumerateArray().Select(e => e.GetInt64()));
    }

    [Fact]
    public async Task Config_lists_the_resolutions_of_the_callers_tier_and_what_the_feed_supports()
    {
        var free = await ApiCall.GetAsync(api.Client(), "/udf/config");
        var pro = await ApiCall.GetAsync(api.Client(api.ProToken), "/udf/config");

        Assert.Equal(HttpStatusCode.OK, free.Status);
        Assert.Equal(["exchanges", "supported_resolutions", "supports_group_request", "supports_marks", "supports_search", "supports_time",
            "supports_timescale_marks", "symbols_types"], Names(free.Body));
        Assert.Equal(["60", "240", "1D"], Strings(free.Body.GetProperty("supported_resolutions")));
        Assert.Equal(["5", "15", "30", "60", "120", "240", "480", "720", "1D"], Strings(pro.Body.GetProperty("supported_resolutions")));
        Assert.False(free.Body.GetProperty("supports_group_request").GetBoolean());
        Assert.False(free.Body.GetProperty("supports_marks").GetBoolean());
        Assert.False(free.Body.GetProperty("supports_timescale_marks").GetBoolean());
        Assert.True(free.Body.GetProperty("supports_search").GetBoolean());
        Assert.True(free.Body.GetProperty("supports_time").GetBoolean());
        Assert.Contains(free.Body.GetProperty("exchanges").EnumerateArray(), e => e.GetProperty("value").GetString() == "GRID");
        Assert.Contains(free.Body.GetProperty("symbols_types").EnumerateArray(), e => e.GetProperty("value").GetString() == "forex");
    }

    [Fact]
    public async Task Symbol_info_has_the_sessions_and_zone_of_the_markets_configuration()
    {
        var eurusd = await ApiCall.GetAsync(api.Client(), "/udf/symbols?symbol=EURUSD");
        var us30 = await ApiCall.GetAsync(api.Client(api.ProToken), "/udf/symbols?symbol=GRID:US30");

        Assert.Equal(HttpStatusCode.OK, eurusd.Status);
        var info = eurusd.Body;
        Assert.Equal(("EURUSD", "EURUSD", "forex", "GRID", "GRID"), (info.GetProperty("name").GetString(), info.GetProperty("ticker").GetString(),
            info.GetProperty("type").GetString(), info.GetProperty("exchange").GetString(), info.GetProperty("listed_exchange").GetString()));
        Assert.Equal(UdfFixture.Zone, info.GetProperty("timezone").GetString());
        Assert.Equal("24x7", info.GetProperty("session").GetString()); // deploy/test.sh opens every kind the whole week
        Assert.Equal((1, 100_000L), (info.GetProperty("minmov").GetInt32(), info.GetProperty("pricescale").GetInt64()));
        Assert.Equal(["60", "240", "1D"], Strings(info.GetProperty("supported_resolutions")));
        Assert.Equal(["60", "240"], Strings(info.GetProperty("intraday_multipliers")));
        Assert.True(info.GetProperty("has_intraday").GetBoolean());
        Assert.True(info.GetProperty("has_daily").GetBoolean());
        Assert.False(info.GetProperty("has_weekly_and_monthly").GetBoolean());
        Assert.Equal(0, info.GetProperty("volume_precision").GetInt32());
        Assert.Equal("streaming", info.GetProperty("data_status").GetString());
        Assert.False(string.IsNullOrEmpty(info.GetProperty("description").GetString()));

        // Mon 01:00-Tue 00:00 … Fri 01:00-Sat 00:00: TradingView's overnight sessions of Tuesday … Saturday.
        Assert.Equal("0100-0000:34567", us30.Body.GetProperty("session").GetString());
        Assert.Equal(100, us30.Body.GetProperty("pricescale").GetInt64());
        Assert.Equal("index", us30.Body.GetProperty("type").GetString());

        var unknown = await ApiCall.GetAsync(api.Client(), "/udf/symbols?symbol=EURXXX");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.True(unknown.BodyIs(new { success = false, error = "Unknown symbol: EURXXX", s = "error", errmsg = "Unknown symbol: EURXXX" }), unknown.ToString());
        var locked = await ApiCall.GetAsync(api.Client(), "/udf/symbols?symbol=GBPUSD");
        Assert.Equal(HttpStatusCode.Forbidden, locked.Status);
        Assert.Equal("error", locked.Body.GetProperty("s").GetString());
    }

    [Fact]
    public async Task Search_finds_the_symbols_the_caller_may_read()
    {
        var free = await ApiCall.GetAsync(api.Client(), "/udf/search?query=usd&type=&exchange=&limit=30");
        var pro = await ApiCall.GetAsync(api.Client(api.ProToken), "/udf/search?query=jpy&type=forex&exchange=GRID&limit=1");

        Assert.Equal(["BTCUSD", "EURUSD", "USDJPY", "XAUUSD"], free.Body.EnumerateArray().Select(r => r.GetProperty("symbol").GetString()));
        var row = Assert.Single(pro.Body.EnumerateArray());
        Assert.Equal(["description", "exchange", "full_name", "symbol", "ticker", "type"], Names(row));
        Assert.Equal(("AUDJPY", "GRID:AUDJPY", "GRID", "AUDJPY", "forex"), (row.GetProperty("symbol").GetString(), row.GetProperty("full_name").GetString(),
            row.GetProperty("exchange").GetString(), row.GetProperty("ticker").GetString(), row.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Time_is_unix_seconds_as_plain_text()
    {
        var time = await ApiCall.GetAsync(api.Client(), "/udf/time");
        Assert.Equal(("text/plain", true), (time.MediaType, time.Text.All(char.IsAsciiDigit) && time.Text.Length >= 10));
    }

    [Fact]
    public async Task History_older_than_the_window_comes_from_PostgreSQL_with_times_in_UTC()
    {
        // The adapter asks in UTC: the stored bars Start .. Start+99 bars (bars' clock) are two hours earlier in UTC.
        var from = Start - UdfFixture.Offset;
        var call = await HistoryCallAsync(api.ProToken, $"/udf/history?symbol=EURUSD&resolution=5&from={from}&to={from + (99 * M5)}");

        Assert.Equal((HttpStatusCode.OK, "postgres"), (call.Call.Status, call.Source));
        AssertBars(await StoredAsync(Timeframe.M5, Start, Start + (99 * M5)), UdfFixture.Offset, call.Call.Body);
        Assert.Equal(100, call.Call.Body.GetProperty("t").GetArrayLength());
    }

    [Fact]
    public async Task Countback_counts_back_from_to_on_either_side_of_the_window_edge()
    {
        var latest = await LatestM5Async();
        var toUtc = latest - UdfFixture.Offset;

        // Inside the window (the newest 20 bars), then reaching past it (60 bars > the 50 held): memory, then PostgreSQL.
        foreach (var (count, source) in new[] { (20, "memory"), (60, "postgres") })
        {
            var call = await HistoryCallAsync(api.ProToken, $"/udf/history?symbol=EURUSD&resolution=5&from={Start}&to={toUtc}&countback={count}");
            Assert.Equal(source, call.Source);
            AssertBars(await StoredAsync(Timeframe.M5, latest - ((count - 1) * M5), latest), UdfFixture.Offset, call.Call.Body);
        }
    }

    [Fact]
    public async Task Daily_bars_keep_the_server_date_at_midnight()
    {
        var call = await HistoryCallAsync(api.Client(), $"/udf/history?symbol=EURUSD&resolution=1D&from={Start}&to={Start + (2 * 86_400)}");
        AssertBars(await StoredAsync(Timeframe.D1, Start, Start + (2 * 86_400)), 0, call.Call.Body);
    }

    [Fact]
    public async Task An_empty_range_says_no_data_with_the_next_older_bar_in_UTC()
    {
        var bar = Start + (100 * M5);
        var empty = await HistoryCallAsync(api.ProToken, $"/udf/history?symbol=EURUSD&resolution=5&from={bar - UdfFixture.Offset + 60}&to={bar - UdfFixture.Offset + 240}");

        Assert.Equal(HttpStatusCode.OK, empty.Call.Status);
        Assert.True(empty.Call.BodyIs(new { s = "no_data", nextTime = bar - UdfFixture.Offset }), empty.Call.ToString());
        var none = await HistoryCallAsync(api.ProToken, $"/udf/history?symbol=EURUSD&resolution=5&from={Start - 86_400}&to={Start - UdfFixture.Offset - 1}");
        Assert.True(none.Call.BodyIs(new { s = "no_data" }), none.Call.ToString());
    }

    [Fact]
    public async Task Tiers_apply_as_on_the_indicators_api()
    {
        var range = $"from={Start}&to={Start + (9 * 3600)}";
        var anonymous = await HistoryCallAsync(api.Client(), $"/udf/history?symbol=EURUSD&resolution=60&{range}");
        Assert.Equal("ok", anonymous.Call.Body.GetProperty("s").GetString());

        foreach (var (token, url) in new[] { ((string?)null, $"/udf/history?symbol=EURUSD&resolution=5&{range}"), (api.FreeToken, $"/udf/history?symbol=GBPUSD&resolution=60&{range}") })
        {
            var locked = await ApiCall.GetAsync(api.Client(token), url);
            Assert.Equal(HttpStatusCode.Forbidden, locked.Status);
            Assert.Equal(("error", false, "FREE", true), (locked.Body.GetProperty("s").GetString(), locked.Body.GetProperty("success").GetBoolean(),
                locked.Body.GetProperty("tier").GetString(), locked.Body.GetProperty("upgrade_required").GetBoolean()));
            Assert.Contains("requires the PRO tier", locked.Body.GetProperty("errmsg").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("symbol=EURUSD&resolution=5&from=2000&to=1000", "Invalid range: from (2000) is after to (1000)")]
    [InlineData("symbol=EURUSD&resolution=5&from=abc&to=1000", "Invalid from: abc (unix seconds)")]
    [InlineData("symbol=EURUSD&resolution=5&from=0&to=1e9", "Invalid to: 1e9 (unix seconds)")]
    [InlineData("symbol=EURUSD&resolution=5&to=1700000000&countback=0", "Invalid countback: 0 (1..500)")]
    [InlineData("symbol=EURUSD&resolution=5&to=1700000000&countback=501", "Invalid countback: 501 (1..500)")]
    [InlineData("symbol=EURUSD&resolution=1&from=0&to=1000", "Invalid resolution: 1 (5, 15, 30, 60, 120, 240, 480, 720 or 1D)")]
    [InlineData("symbol=EURUSD&resolution=1W&from=0&to=1000", "Invalid resolution: 1W (5, 15, 30, 60, 120, 240, 480, 720 or 1D)")]
    [InlineData("symbol=NOPE&resolution=5&from=0&to=1000", "Unknown symbol: NOPE")]
    public async Task Bad_input_is_a_400_in_both_envelopes(string query, string error)
    {
        var call = await ApiCall.GetAsync(api.Client(api.ProToken), "/udf/history?" + query);
        Assert.True(call.BodyIs(new { success = false, error, s = "error", errmsg = error }), call.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, call.Status);
    }

    [Fact]
    public async Task A_range_wider_than_MaxBars_is_a_400()
    {
        var call = await ApiCall.GetAsync(api.Client(api.ProToken), $"/udf/history?symbol=EURUSD&resolution=5&from={Start - UdfFixture.Offset}&to={Start + (3 * 86_400)}");
        Assert.Equal(HttpStatusCode.BadRequest, call.Status);
        Assert.StartsWith("Range too wide:", call.Body.GetProperty("errmsg").GetString(), StringComparison.Ordinal);
    }

    private async Task<long> LatestM5Async() =>
        (await ApiCall.GetAsync(api.Client(api.ProToken), "/api/indicators/EURUSD/M5?limit=1")).Body.GetProperty("data").GetProperty("ohlc")[0].GetProperty("time").GetInt64();

    private Task<History.HistoryCall> HistoryCallAsync(string? token, string url) => History.HistoryCall.GetAsync(api.Client(token), url);

    private static Task<History.HistoryCall> HistoryCallAsync(HttpClient client, string url) => History.HistoryCall.GetAsync(client, url);
}
