using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Api.Live;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>The API fixture with quick heartbeats and a short observer expiry, so renewal is exercised within a test.</summary>
public sealed class StreamFixture : IAsyncLifetime
{
    public ApiFixture Api { get; } = new(new Dictionary<string, string?>
    {
        ["Live:HeartbeatInterval"] = "00:00:00.500",
        ["Grid:ObserverExpiry"] = "00:00:03",
    });

    public ValueTask InitializeAsync() => Api.InitializeAsync();

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}

/// <summary>The server-sent event streams against a real silo: initial state, updates, heartbeats, tiers, disconnects, shutdown.</summary>
public sealed class StreamApiTests(StreamFixture fixture) : IClassFixture<StreamFixture>
{
    private readonly ApiFixture api = fixture.Api;

    /// <summary>From the end of an ingest to the event reaching the client.</summary>
    private static readonly TimeSpan UpdateWithin = TimeSpan.FromSeconds(2);

    /// <summary>Generous bound for what runs through several one-way grain calls or a silo start/stop.</summary>
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(30);

    private IGrainFactory Grains => api.Factory.Services.GetRequiredService<IGrainFactory>();

    private LiveHub Hub => api.Factory.Services.GetRequiredService<LiveHub>();

    /// <summary>A bar after the pair's latest, with a fractal so the event's structures can be told apart.</summary>
    private async Task<BarRecord> NextBar(string symbol, Timeframe tf, double close)
    {
        var latest = await Grains.GetGrain<ITimeframeGrain>(new Pair(symbol, tf).Key).GetLatest();
        var time = (latest?.Time ?? 1_641_254_400) + tf.Seconds();
        return new BarRecord(tf, time, close, close + 1, close - 1, close, IndicatorValues.None with
        {
            Fractals = $$"""{"peaks":[{"time":{{time}},"price":{{close + 1}}}],"bottoms":[]}""",
            Tema = close - 0.5,
        }, 0, 1);
    }

    private async Task Ingest(string symbol, string source, params BarRecord[] bars)
    {
        var rows = bars.Select((b, i) => b with { Seq = i + 1 }).ToArray();
        await Grains.GetGrain<ISymbolGrain>(symbol).Ingest(new IngestBatch(symbol, source, rows, rows.Length));
    }

    private Task WaitForTopic(string topic, int subscribers) =>
        Eventually.UntilAsync($"{topic} to have {subscribers} subscribers", () => Hub.Topics.GetValueOrDefault(topic) == subscribers, Bounded, TimeSpan.FromMilliseconds(20));

    [Fact]
    public async Task Bar_stream_starts_with_the_latest_bar_then_sends_each_new_bar_per_tier()
    {
        var latest = await Grains.GetGrain<ITimeframeGrain>("EURUSD/H1").GetLatest();
        await using var pro = await SseClient.Open(api.Client(api.ProToken), "/api/stream/EURUSD/H1", acceptBrotli: true);
        await using var free = await SseClient.Open(api.Client(), "/api/stream/eurusd/h1");

        // Streamed as it is written: no compression, no caching, no proxy buffering.
        Assert.Equal(HttpStatusCode.OK, pro.Response.StatusCode);
        Assert.Equal("text/event-stream", pro.Response.Content.Headers.ContentType?.MediaType);
        Assert.True(pro.Response.Headers.CacheControl?.NoCache);
        Assert.DoesNotContain("br", pro.Response.Content.Headers.ContentEncoding);
        Assert.Equal(["no"], pro.Response.Headers.GetValues("X-Accel-Buffering"));

        // Initial state: the latest bar, in the indicators endpoint's shape.
        var first = await pro.Next(BarEvent.Type, Bounded);
        var data = first.GetProperty("data");
        Assert.Equal(
            ["ohlc", "fractals", "horizontal_trendlines", "diagonal_trendlines", "momentum_candles", "keltner_channels", "tema", "hrma", "smma", "zigzag", "metadata"],
            data.EnumerateObject().Select(p => p.Name));
        Assert.Equal([latest!.Time], data.GetProperty("ohlc").EnumerateArray().Select(b => b.GetProperty("time").GetInt64()));
        Assert.Equal(latest.Indicators.Tema, data.GetProperty("tema")[0].GetDouble());
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(latest.Indicators.KeltnerChannels!).RootElement, data.GetProperty("keltner_channels")));
        var freeFirst = (await free.Next(BarEvent.Type, Bounded)).GetProperty("data");
        Assert.Equal(0, freeFirst.GetProperty("tema").GetArrayLength());
        Assert.Equal("FREE", freeFirst.GetProperty("metadata").GetProperty("tier").GetString());

        // Both clients share one grain subscription.
        Assert.Equal(2, Hub.Topics["bars:EURUSD/H1"]);

        var bar = await NextBar("EURUSD", Timeframe.H1, 1.25);
        await Ingest("EURUSD", "stream-bars", bar);
        var update = (await pro.Next(BarEvent.Type, UpdateWithin)).GetProperty("data");
        var ohlc = Assert.Single(update.GetProperty("ohlc").EnumerateArray());
        Assert.Equal((bar.Time, 1.25, 2.25), (ohlc.GetProperty("time").GetInt64(), ohlc.GetProperty("close").GetDouble(), ohlc.GetProperty("high").GetDouble()));
        Assert.Equal(0.75, Assert.Single(update.GetProperty("tema").EnumerateArray()).GetDouble());
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(bar.Indicators.Fractals!).RootElement, update.GetProperty("fractals")));
        Assert.Equal(("PRO", 1), (update.GetProperty("metadata").GetProperty("tier").GetString(), update.GetProperty("metadata").GetProperty("bars_returned").GetInt32()));

        var freeUpdate = (await free.Next(BarEvent.Type, UpdateWithin)).GetProperty("data");
        Assert.Equal(bar.Time, Assert.Single(freeUpdate.GetProperty("ohlc").EnumerateArray()).GetProperty("time").GetInt64());
        Assert.Equal(0, freeUpdate.GetProperty("tema").GetArrayLength());
        Assert.Equal("{}", freeUpdate.GetProperty("keltner_channels").GetRawText());
        Assert.True(freeUpdate.GetProperty("fractals").GetProperty("peaks").GetArrayLength() == 1); // basic indicators stay
    }

    [Fact]
    public async Task Confluence_stream_starts_with_the_current_confluence_then_follows_signal_changes()
    {
        await using var stream = await SseClient.Open(api.Client(api.ProToken), "/api/stream/confluence/xauusd");
        var first = await stream.Next(ConfluenceTopic.EventType, Bounded);
        Assert.True(JsonElement.DeepEquals(await GetConfluence("XAUUSD"), first));
        Assert.Equal(0, first.GetProperty("confluence_score").GetDouble());

        // Nine bullish bars: each timeframe's signal reaches the confluence one-way, each change is an event.
        var rows = Timeframes.All.Select((tf, i) => ConfluenceApiTests.Prepared(tf, 1, i + 1)).ToArray();
        await Grains.GetGrain<ISymbolGrain>("XAUUSD").Ingest(new IngestBatch("XAUUSD", "stream-confluence", rows, rows.Length));
        var update = await stream.Next(ConfluenceTopic.EventType, UpdateWithin);
        Assert.True(update.GetProperty("signals").GetProperty("bullish").GetInt32() >= 1);
        while (update.GetProperty("confluence_score").GetDouble() < 10)
        {
            update = await stream.Next(ConfluenceTopic.EventType, Bounded);
        }

        Assert.Equal(9, update.GetProperty("signals").GetProperty("bullish").GetInt32());
        // The endpoint serves what the stream last said (bounded: a grain call may still be settling when the event is read).
        var last = update;
        JsonElement served = default;
        await Eventually.UntilAsync("GET /api/confluence/XAUUSD to equal the stream's last event", async () =>
            JsonElement.DeepEquals(served = await GetConfluence("XAUUSD"), last), TimeSpan.FromSeconds(10),
            detail: () => Task.FromResult($"stream: {last.GetRawText()}\nserved: {served.GetRawText()}"), cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Quiet_streams_send_heartbeats()
    {
        await using var stream = await SseClient.Open(api.Client(), "/api/stream/USDJPY/D1");
        var first = await stream.NextItem(Bounded);
        Assert.Equal(BarEvent.Type, first.EventType);
        Assert.Equal(0, JsonDocument.Parse(first.Data).RootElement.GetProperty("data").GetProperty("ohlc").GetArrayLength()); // nothing held yet
        Assert.Equal("heartbeat", (await stream.NextItem(Bounded)).EventType);
        Assert.Equal("heartbeat", (await stream.NextItem(Bounded)).EventType);
    }

    [Fact]
    public async Task Updates_keep_coming_after_the_grain_observer_expiry_because_the_hub_renews()
    {
        await using var stream = await SseClient.Open(api.Client(api.ProToken), "/api/stream/GBPUSD/H4");
        await stream.Next(BarEvent.Type, Bounded);

        // Past the 3 s expiry: without renewals the grain drops the hub's observer at the next notify and
        // no update ever arrives again. With them, a bar gets through; on a starved machine a renewal can
        // come late once and that one notification is lost, so a few bars are tried (the 2 s delivery bound
        // itself is tested above).
        await Task.Delay(TimeSpan.FromSeconds(7), TestContext.Current.CancellationToken);
        var sent = new List<long>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var bar = await NextBar("GBPUSD", Timeframe.H4, 1.5 + (attempt / 100.0));
            await Ingest("GBPUSD", $"stream-renewal-{attempt}", bar);
            sent.Add(bar.Time);
            JsonElement update;
            try
            {
                update = (await stream.Next(BarEvent.Type, UpdateWithin)).GetProperty("data");
            }
            catch (TimeoutException)
            {
                continue;
            }

            Assert.Contains(Assert.Single(update.GetProperty("ohlc").EnumerateArray()).GetProperty("time").GetInt64(), sent);
            return;
        }

        Assert.Fail($"no bar event after {sent.Count} ingests past the observer expiry: the hub did not renew its subscription");
    }

    [Theory]
    [InlineData(null, "/api/stream/GBPUSD/H1", HttpStatusCode.Forbidden, "GBPUSD H1 requires the PRO tier")]
    [InlineData("free", "/api/stream/EURUSD/M5", HttpStatusCode.Forbidden, "EURUSD M5 requires the PRO tier")]
    [InlineData("free", "/api/stream/confluence/EURUSD", HttpStatusCode.Forbidden, "Confluence requires the PRO tier")]
    [InlineData("pro", "/api/stream/EURUSD/W1", HttpStatusCode.BadRequest, "Invalid timeframe: W1")]
    [InlineData("pro", "/api/stream/EURGBP/H1", HttpStatusCode.BadRequest, "Invalid symbol: EURGBP")]
    [InlineData("pro", "/api/stream/confluence/EURGBP", HttpStatusCode.BadRequest, "Invalid symbol: EURGBP")]
    public async Task Refusals_match_the_non_stream_endpoints(string? tier, string url, HttpStatusCode status, string error)
    {
        var client = tier switch { "pro" => api.Client(api.ProToken), "free" => api.Client(api.FreeToken), _ => api.Client() };
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(status, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal(error, body.GetProperty("error").GetString());
        if (status == HttpStatusCode.Forbidden)
        {
            Assert.True(body.GetProperty("upgrade_required").GetBoolean());
            Assert.Equal(tier is null ? "FREE" : tier.ToUpperInvariant(), body.GetProperty("tier").GetString());
        }

        Assert.DoesNotContain(Hub.Topics.Keys, k => k.Contains("EURGBP", StringComparison.Ordinal) || k.EndsWith("/M5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disconnects_leave_the_topic_and_the_last_one_drops_the_subscription()
    {
        const string Topic = "bars:USDJPY/H4";
        var first = await SseClient.Open(api.Client(api.ProToken), "/api/stream/USDJPY/H4");
        var second = await SseClient.Open(api.Client(api.ProToken), "/api/stream/USDJPY/H4");
        await first.Next(BarEvent.Type, Bounded);
        await second.Next(BarEvent.Type, Bounded);
        Assert.Equal(2, Hub.Topics[Topic]);

        await first.DisposeAsync();
        await WaitForTopic(Topic, 1);
        await second.DisposeAsync();
        await WaitForTopic(Topic, 0);
        Assert.False(Hub.Topics.ContainsKey(Topic));

        // A later client gets a fresh subscription that delivers.
        await using var third = await SseClient.Open(api.Client(api.ProToken), "/api/stream/USDJPY/H4");
        await third.Next(BarEvent.Type, Bounded);
        var bar = await NextBar("USDJPY", Timeframe.H4, 150);
        await Ingest("USDJPY", "stream-rejoin", bar);
        var update = (await third.Next(BarEvent.Type, UpdateWithin)).GetProperty("data");
        Assert.Equal(bar.Time, Assert.Single(update.GetProperty("ohlc").EnumerateArray()).GetProperty("time").GetInt64());
    }

    [Fact]
    public async Task Silo_shutdown_ends_open_streams()
    {
        // Real Kestrel: its graceful stop waits for open requests (the test server would just cut them).
        var factory = new SiloFactory(new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:0" });
        factory.UseKestrel(0);
        factory.StartServer();
        await using var stream = await SseClient.Open(factory.CreateClient(), "/api/stream/EURUSD/D1");
        await stream.Next(BarEvent.Type, Bounded);

        // Well inside the host's 30 s shutdown timeout: the stream ends because the hub ends it on stopping.
        var stopping = factory.DisposeAsync().AsTask();
        await stream.End(TimeSpan.FromSeconds(10));
        await stopping.WaitAsync(Bounded, TestContext.Current.CancellationToken);
    }

    private async Task<JsonElement> GetConfluence(string symbol)
    {
        var response = await api.Client(api.ProToken).GetAsync(new Uri($"/api/confluence/{symbol}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }

    /// <summary>An SSE client as a browser's EventSource would read the stream, parsed by System.Net.ServerSentEvents.</summary>
    private sealed class SseClient : IAsyncDisposable
    {
        private readonly HttpClient _http;
        private readonly IAsyncEnumerator<SseItem<string>> _events;

        /// <summary>A read that outlived a wait: the next wait continues it (an enumerator allows one read at a time).</summary>
        private Task<bool>? _pending;

        private SseClient(HttpClient http, HttpResponseMessage response, Stream body)
        {
            _http = http;
            Response = response;
            _events = SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();
        }

        public HttpResponseMessage Response { get; }

        public static async Task<SseClient> Open(HttpClient http, string url, bool acceptBrotli = false)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            if (acceptBrotli)
            {
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            }

            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return new SseClient(http, response, await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        }

        public async Task<SseItem<string>> NextItem(TimeSpan within)
        {
            _pending ??= _events.MoveNextAsync().AsTask();
            var more = await _pending.WaitAsync(within, TestContext.Current.CancellationToken);
            _pending = null;
            Assert.True(more, "the stream ended");
            return _events.Current;
        }

        /// <summary>The data of the next event of <paramref name="type"/> within <paramref name="within"/>, skipping heartbeats.</summary>
        public async Task<JsonElement> Next(string type, TimeSpan within)
        {
            var deadline = DateTime.UtcNow + within;
            while (true)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException($"no '{type}' event within {within}");
                }

                SseItem<string> item;
                try
                {
                    item = await NextItem(left);
                }
                catch (TimeoutException)
                {
                    throw new TimeoutException($"no '{type}' event within {within}");
                }

                if (item.EventType == type)
                {
                    return JsonDocument.Parse(item.Data).RootElement.Clone();
                }

                Assert.Equal("heartbeat", item.EventType);
            }
        }

        /// <summary>Reads until the server ends the stream.</summary>
        public async Task End(TimeSpan within)
        {
            var deadline = DateTime.UtcNow + within;
            try
            {
                while (await _events.MoveNextAsync().AsTask().WaitAsync(deadline - DateTime.UtcNow, TestContext.Current.CancellationToken))
                {
                }
            }
            catch (Exception ex) when (ex is TimeoutException or ArgumentOutOfRangeException)
            {
                Assert.Fail($"the stream did not end within {within}");
            }
        }

        public async ValueTask DisposeAsync()
        {
            // Closing the response aborts the request on the server, as a browser tab closing would.
            Response.Dispose();
            _http.Dispose();
            await Task.CompletedTask;
        }
    }
}
