using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Indicators.Synthetic;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>The indicators endpoint against a real silo: contract, tiers, tokens, validation, ETag, compression.</summary>
public sealed class IndicatorsApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Pro_response_has_every_field_with_series_oldest_first_and_aligned_with_ohlc()
    {
        var (status, body) = await Get(api.Client(api.ProToken), "/api/indicators/eurusd/h1?limit=50");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("success").GetBoolean());
        var data = body.GetProperty("data");
        Assert.Equal(
            ["ohlc", "fractals", "horizontal_trendlines", "diagonal_trendlines", "momentum_candles", "keltner_channels", "tema", "hrma", "smma", "zigzag", "metadata"],
            data.EnumerateObject().Select(p => p.Name));
        var ohlc = data.GetProperty("ohlc").EnumerateArray().ToList();
        Assert.Equal(50, ohlc.Count);
        Assert.All(ohlc, bar => Assert.Equal(["time", "open", "high", "low", "close", "volume", "spread", "real_volume", "closed"], bar.EnumerateObject().Select(p => p.Name)));
        // The newest bar is the forming one; every bar before it is closed.
        Assert.Equal(ohlc.Select((_, i) => i < ohlc.Count - 1), ohlc.Select(b => b.GetProperty("closed").GetBoolean()));
        var times = ohlc.Select(b => b.GetProperty("time").GetInt64()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.Equal(1_641_254_400 + (3 * 86_400) - 3600, times[^1]);
        foreach (var series in new[] { "tema", "hrma", "smma" })
        {
            Assert.Equal(50, data.GetProperty(series).GetArrayLength());
        }

        // Series values belong to the bar at the same index: compare with the grain's own state.
        var grain = api.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ITimeframeGrain>("EURUSD/H1");
        var held = await grain.GetBars(50);
        Assert.Equal(held.Time, times);
        Assert.Equal(held.Tema, data.GetProperty("tema").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()));
        Assert.Equal(held.Close, ohlc.Select(b => b.GetProperty("close").GetDouble()));
        var latest = await grain.GetLatest();
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(latest!.Indicators.Fractals!).RootElement, data.GetProperty("fractals")));
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(latest.Indicators.KeltnerChannels!).RootElement, data.GetProperty("keltner_channels")));
        var metadata = data.GetProperty("metadata");
        Assert.Equal(("EURUSD", "H1", "PRO", 50, true), (metadata.GetProperty("symbol").GetString(), metadata.GetProperty("timeframe").GetString(),
            metadata.GetProperty("tier").GetString(), metadata.GetProperty("bars_returned").GetInt32(), metadata.GetProperty("pro_indicators_enabled").GetBoolean()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("free")]
    public async Task Free_callers_get_basic_indicators_and_pro_ones_empty(string? tier)
    {
        var client = tier is null ? api.Client() : api.Client(api.FreeToken);
        var (status, body) = await Get(client, "/api/indicators/EURUSD/H1?limit=20");
        Assert.Equal(HttpStatusCode.OK, status);
        var data = body.GetProperty("data");
        Assert.Equal(20, data.GetProperty("ohlc").GetArrayLength());
        Assert.Equal(JsonValueKind.Object, data.GetProperty("fractals").ValueKind);
        Assert.True(data.GetProperty("fractals").GetProperty("peaks").GetArrayLength() > 0);
        Assert.Equal(0, data.GetProperty("momentum_candles").GetArrayLength());
        Assert.Equal("{}", data.GetProperty("keltner_channels").GetRawText());
        Assert.Equal(0, data.GetProperty("tema").GetArrayLength());
        Assert.Equal("""{"peaks":[],"bottoms":[]}""", data.GetProperty("zigzag").GetRawText());
        Assert.Equal(("FREE", false), (data.GetProperty("metadata").GetProperty("tier").GetString(), data.GetProperty("metadata").GetProperty("pro_indicators_enabled").GetBoolean()));
    }

    [Theory]
    [InlineData("/api/indicators/GBPUSD/H1", "GBPUSD H1 requires the PRO tier")]
    [InlineData("/api/indicators/EURUSD/M5", "EURUSD M5 requires the PRO tier")]
    public async Task Free_callers_outside_their_pairs_are_told_to_upgrade(string url, string error)
    {
        var (status, body) = await Get(api.Client(), url);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal((false, error, "FREE", true), (body.GetProperty("success").GetBoolean(), body.GetProperty("error").GetString(),
            body.GetProperty("tier").GetString(), body.GetProperty("upgrade_required").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, (await Get(api.Client(api.ProToken), url)).Status);
    }

    [Theory]
    [InlineData("/api/indicators/EURUSD/H1?limit=0", "Invalid limit: 0 (1..5000)")]
    [InlineData("/api/indicators/EURUSD/H1?limit=-1", "Invalid limit: -1 (1..5000)")]
    [InlineData("/api/indicators/EURUSD/H1?limit=00", "Invalid limit: 00 (1..5000)")]
    [InlineData("/api/indicators/EURUSD/H1?limit=abc", "Invalid limit: abc (1..5000)")]
    [InlineData("/api/indicators/EURUSD/H1?limit=1e3", "Invalid limit: 1e3 (1..5000)")]
    [InlineData("/api/indicators/EURGBP/H1", "Invalid symbol: EURGBP")]
    [InlineData("/api/indicators/EURUSD/W1", "Invalid timeframe: W1")]
    [InlineData("/api/indicators/EURUSD%3BDROP%20TABLE%20eurusd_h1/H1", "Invalid symbol: EURUSD;DROP TABLE eurusd_h1")]
    [InlineData("/api/indicators/EURUSD/H1%27%20OR%201%3D1", "Invalid timeframe: H1' OR 1=1")]
    [InlineData("/api/indicators/..%2F..%2Fetc/H1", "Invalid symbol: ..%2F..%2Fetc")]
    public async Task Bad_input_is_a_400_with_the_reason(string url, string error)
    {
        var (status, body) = await Get(api.Client(api.ProToken), url);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal((false, error), (body.GetProperty("success").GetBoolean(), body.GetProperty("error").GetString()));
    }

    [Theory]
    [InlineData("5001")]
    [InlineData("10000")]
    [InlineData("99999999999999999999")] // beyond int: still a number, still clamped
    public async Task A_limit_above_5000_is_clamped_to_the_latest_5000_bars(string limit)
    {
        // 18 days of M5 is more than 5000 bars, so the clamp (not the history) decides the count.
        var market = new SyntheticMarket(["USDCHF"]);
        var rows = market.History("USDCHF", ApiFixture.HistoryStart, ApiFixture.HistoryStart + (18 * 86_400L))
            .Select((b, i) => b.ToRecord() with { Seq = i + 1, WrittenAtMs = 1 }).ToArray();
        var grains = api.Factory.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<ISymbolGrain>("USDCHF").Ingest(new IngestBatch("USDCHF", "clamp-test", rows, rows[^1].Seq));
        var held = rows.Count(r => r.Timeframe == Timeframe.M5);
        Assert.True(held > IndicatorsApiMax, $"only {held} M5 bars held");

        var client = api.Client(api.ProToken);
        var (status, body) = await Get(client, $"/api/indicators/USDCHF/M5?limit={limit}");
        var (_, max) = await Get(client, $"/api/indicators/USDCHF/M5?limit={IndicatorsApiMax}");

        Assert.Equal(HttpStatusCode.OK, status);
        var data = body.GetProperty("data");
        Assert.Equal(IndicatorsApiMax, data.GetProperty("metadata").GetProperty("bars_returned").GetInt32());
        Assert.Equal(IndicatorsApiMax, data.GetProperty("ohlc").GetArrayLength());
        Assert.Equal(rows.Where(r => r.Timeframe == Timeframe.M5).Max(r => r.Time), data.GetProperty("ohlc")[IndicatorsApiMax - 1].GetProperty("time").GetInt64());
        Assert.Equal(max.GetRawText(), body.GetRawText());
    }

    private const int IndicatorsApiMax = 5000;

    [Fact]
    public async Task Missing_limit_means_1000_or_all_that_is_held()
    {
        var (_, body) = await Get(api.Client(api.ProToken), "/api/indicators/EURUSD/M5");
        Assert.Equal(864, body.GetProperty("data").GetProperty("metadata").GetProperty("bars_returned").GetInt32()); // 3 days of M5
        var (_, more) = await Get(api.Client(api.ProToken), "/api/indicators/EURUSD/M5?limit=5000");
        Assert.Equal(864, more.GetProperty("data").GetProperty("ohlc").GetArrayLength());
    }

    [Fact]
    public async Task Expired_and_forged_tokens_are_401_never_free()
    {
        var expired = api.Token("PRO", DateTime.UtcNow.AddMinutes(-5));
        var (status, body) = await Get(api.Client(expired), "/api/indicators/EURUSD/H1");
        Assert.Equal((HttpStatusCode.Unauthorized, "Token expired"), (status, body.GetProperty("error").GetString()));

        var forged = api.Token("PRO", DateTime.UtcNow.AddHours(1), key: "someone-elses-signing-key-0123456789-abcdef");
        (status, body) = await Get(api.Client(forged), "/api/indicators/EURUSD/H1");
        Assert.Equal((HttpStatusCode.Unauthorized, "Invalid token"), (status, body.GetProperty("error").GetString()));

        (status, _) = await Get(api.Client("not-a-jwt"), "/api/symbols");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task An_unchanged_grain_answers_304_to_its_etag()
    {
        var client = api.Client(api.ProToken);
        var first = await client.GetAsync(new Uri("/api/indicators/GBPUSD/H4?limit=10", UriKind.Relative), Ct);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/indicators/GBPUSD/H4?limit=10");
        again.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        // Another limit is another representation.
        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/indicators/GBPUSD/H4?limit=11");
        other.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(other, Ct)).StatusCode);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Responses_are_compressed_by_accept_encoding(string encoding)
    {
        var client = api.Client(api.ProToken);
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        var response = await client.GetAsync(new Uri("/api/indicators/EURUSD/M15?limit=200", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Symbols_and_timeframes_show_the_callers_access()
    {
        var (_, free) = await Get(api.Client(), "/api/symbols");
        Assert.Equal(5, free.GetProperty("symbols").EnumerateArray().Count(s => s.GetProperty("accessible").GetBoolean()));
        var (_, pro) = await Get(api.Client(api.ProToken), "/api/symbols");
        Assert.Equal(15, pro.GetProperty("symbols").EnumerateArray().Count(s => s.GetProperty("accessible").GetBoolean()));
        var (_, timeframes) = await Get(api.Client(), "/api/timeframes");
        Assert.Equal(["H1", "H4", "D1"], timeframes.GetProperty("timeframes").EnumerateArray()
            .Where(t => t.GetProperty("accessible").GetBoolean()).Select(t => t.GetProperty("timeframe").GetString()));
    }
}
