using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>The watchlist endpoint against a real silo: many pairs in one answer, tiers per pair, ETag, bad lists.</summary>
public sealed class WatchlistApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static List<JsonElement> Pairs(ApiCall call) => [.. call.Body.GetProperty("data").GetProperty("pairs").EnumerateArray()];

    [Fact]
    public async Task Each_pair_has_the_latest_bar_the_indicators_endpoint_reports_its_signal_and_freshness()
    {
        var client = api.Client(api.ProToken);
        var call = await ApiCall.GetAsync(client, "/api/watchlist?pairs=eurusd/H1,GBPUSD/m5,EURUSD/D1");

        Assert.Equal(HttpStatusCode.OK, call.Status);
        var pairs = Pairs(call);
        Assert.Equal(["EURUSD/H1", "GBPUSD/M5", "EURUSD/D1"], pairs.Select(p => $"{p.GetProperty("symbol").GetString()}/{p.GetProperty("timeframe").GetString()}"));
        foreach (var pair in pairs)
        {
            var single = await ApiCall.GetAsync(client, $"/api/indicators/{pair.GetProperty("symbol").GetString()}/{pair.GetProperty("timeframe").GetString()}?limit=1");
            var bar = single.Body.GetProperty("data").GetProperty("ohlc")[0];
            Assert.False(pair.GetProperty("locked").GetBoolean());
            Assert.True(JsonElement.DeepEquals(bar, pair.GetProperty("bar")), $"{pair}");
            Assert.Equal(bar.GetProperty("time").GetInt64(), pair.GetProperty("signal").GetProperty("bar_time").GetInt64());
            Assert.Contains(pair.GetProperty("signal").GetProperty("trend").GetString(), new[] { "bullish", "bearish", "neutral" });
            Assert.True(pair.GetProperty("freshness").GetProperty("bars").GetInt32() > 0);
        }

        // H1 and D1 data arrived when the fixture started: fresh for hours.
        Assert.Equal("fresh", pairs[0].GetProperty("freshness").GetProperty("status").GetString());
        Assert.Equal(7200, pairs[0].GetProperty("freshness").GetProperty("stale_after_seconds").GetDouble());
        Assert.Equal(("PRO", 3), (call.Body.GetProperty("data").GetProperty("metadata").GetProperty("tier").GetString(),
            call.Body.GetProperty("data").GetProperty("metadata").GetProperty("pairs_returned").GetInt32()));
    }

    [Fact]
    public async Task A_symbol_is_its_nine_timeframes()
    {
        var call = await ApiCall.GetAsync(api.Client(api.ProToken), "/api/watchlist?symbol=gbpusd");

        Assert.Equal(Timeframes.All.Select(tf => tf.Name()), Pairs(call).Select(p => p.GetProperty("timeframe").GetString()));
        Assert.All(Pairs(call), p => Assert.Equal("GBPUSD", p.GetProperty("symbol").GetString()));
        Assert.All(Pairs(call), p => Assert.Equal(JsonValueKind.Object, p.GetProperty("bar").ValueKind));
    }

    [Fact]
    public async Task A_free_caller_sees_locked_pairs_as_locked_and_no_signals()
    {
        var call = await ApiCall.GetAsync(api.Client(api.FreeToken), "/api/watchlist?pairs=EURUSD/H1,EURUSD/M5,GBPUSD/H1");

        Assert.Equal(HttpStatusCode.OK, call.Status);
        var pairs = Pairs(call);
        Assert.Equal([false, true, true], pairs.Select(p => p.GetProperty("locked").GetBoolean()));
        Assert.Equal(JsonValueKind.Object, pairs[0].GetProperty("bar").ValueKind);
        Assert.Equal(JsonValueKind.Null, pairs[0].GetProperty("signal").ValueKind);
        foreach (var locked in pairs.Skip(1))
        {
            Assert.All(new[] { "bar", "signal", "freshness" }, name => Assert.Equal(JsonValueKind.Null, locked.GetProperty(name).ValueKind));
        }

        Assert.Equal("FREE", call.Body.GetProperty("data").GetProperty("metadata").GetProperty("tier").GetString());
    }

    [Fact]
    public async Task The_etag_covers_every_pair_and_the_tier()
    {
        var client = api.Client(api.ProToken);
        var first = await ApiCall.GetAsync(client, "/api/watchlist?pairs=EURUSD/H1,GBPUSD/H1");
        Assert.NotNull(first.ETag);

        var again = await ApiCall.GetAsync(client, "/api/watchlist?pairs=EURUSD/H1,GBPUSD/H1", r => r.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(first.ETag!)));
        Assert.Equal(HttpStatusCode.NotModified, again.Status);

        var otherList = await ApiCall.GetAsync(client, "/api/watchlist?pairs=EURUSD/H1,GBPUSD/H4", r => r.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(first.ETag!)));
        var otherTier = await ApiCall.GetAsync(api.Client(api.FreeToken), "/api/watchlist?pairs=EURUSD/H1,GBPUSD/H1", r => r.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(first.ETag!)));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (otherList.Status, otherTier.Status));
        Assert.NotEqual(first.ETag, otherList.ETag);
        Assert.NotEqual(first.ETag, otherTier.ETag);
    }

    public static TheoryData<string, string> BadLists() => new()
    {
        { "pairs=EURUSD/H1,NOPE/H1", "Invalid symbol: NOPE" },
        { "pairs=EURUSD/W1", "Invalid timeframe: W1" },
        { "pairs=EURUSD", "Invalid pair: 'EURUSD' (SYMBOL/TIMEFRAME, e.g. EURUSD/H1)" },
        { "pairs=EURUSD/H1,,GBPUSD/H1", "Invalid pair: '' (SYMBOL/TIMEFRAME, e.g. EURUSD/H1)" },
        { "pairs=EURUSD/H1/M5", "Invalid pair: 'EURUSD/H1/M5' (SYMBOL/TIMEFRAME, e.g. EURUSD/H1)" },
        { "pairs=EURUSD/H1,eurusd/h1", "Duplicate pair: EURUSD/H1" },
        { "symbol=NOPE", "Invalid symbol: NOPE" },
        { "", "Give either pairs (e.g. pairs=EURUSD/H1,XAUUSD/H1) or symbol (e.g. symbol=EURUSD)" },
        { "pairs=EURUSD/H1&symbol=EURUSD", "Give either pairs (e.g. pairs=EURUSD/H1,XAUUSD/H1) or symbol (e.g. symbol=EURUSD)" },
        { "pairs=" + string.Join(',', Pair.All.Take(31).Select(p => p.Key)), "Too many pairs: 31 (at most 30)" },
    };

    [Theory]
    [MemberData(nameof(BadLists))]
    public async Task Bad_lists_are_400_with_the_envelope(string query, string error)
    {
        var call = await ApiCall.GetAsync(api.Client(api.ProToken), $"/api/watchlist?{query}");
        Assert.True(call.IsError(HttpStatusCode.BadRequest, error), call.ToString());
    }
}
