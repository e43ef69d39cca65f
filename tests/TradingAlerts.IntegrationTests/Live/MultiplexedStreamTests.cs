using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.IntegrationTests.Api;
using TradingAlerts.Api.Live;

namespace TradingAlerts.IntegrationTests.Live;

/// <summary>The API fixture with quick heartbeats and a small item cap for the multiplexed stream.</summary>
public sealed class MultiplexedStreamFixture : IAsyncLifetime
{
    public const int MaxItems = 20;

    public ApiFixture Api { get; } = new(new Dictionary<string, string?>
    {
        ["Live:HeartbeatInterval"] = "00:00:00.500",
        ["Live:MaxItemsPerStream"] = MaxItems.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public ValueTask InitializeAsync() => Api.InitializeAsync();

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}

/// <summary>
/// <c>GET /api/stream?pairs=…&amp;confluence=…</c> against a real (embedded) silo, read with the framework's SSE parser:
/// refusals before the stream opens, events naming what they are about with ids, a resume with Last-Event-ID that
/// sends exactly what was missed, and a reset for ids that cannot be resumed.
/// </summary>
public sealed class MultiplexedStreamTests(MultiplexedStreamFixture fixture) : IClassFixture<MultiplexedStreamFixture>
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(30);
    private readonly ApiFixture api = fixture.Api;

    private IGrainFactory Grains => api.Factory.Services.GetRequiredService<IGrainFactory>();

    private LiveHub Hub => api.Factory.Services.GetRequiredService<LiveHub>();

    [Theory]
    [InlineData("pro", "pairs=EURUSD/H1,EURGBP/H1", HttpStatusCode.BadRequest, "Invalid pair: EURGBP/H1 (expected SYMBOL/TIMEFRAME, e.g. EURUSD/H1)")]
    [InlineData("pro", "pairs=EURUSD", HttpStatusCode.BadRequest, "Invalid pair: EURUSD (expected SYMBOL/TIMEFRAME, e.g. EURUSD/H1)")]
    [InlineData("pro", "pairs=EURUSD/W1", HttpStatusCode.BadRequest, "Invalid pair: EURUSD/W1 (expected SYMBOL/TIMEFRAME, e.g. EURUSD/H1)")]
    [InlineData("pro", "confluence=EURUSD,EURGBP", HttpStatusCode.BadRequest, "Invalid symbol: EURGBP")]
    [InlineData("pro", "pairs=&confluence=", HttpStatusCode.BadRequest, "Nothing to stream: name pairs (pairs=EURUSD/H1,…) and/or confluence symbols (confluence=EURUSD,…)")]
    [InlineData("pro", "pairs=*", HttpStatusCode.BadRequest, "Too many items in one stream: 135 (pairs and confluence symbols); at most 20")]
    [InlineData("pro", "pairs=EURUSD/M5,EURUSD/M15,EURUSD/M30,EURUSD/H1,EURUSD/H2,EURUSD/H4,EURUSD/H8,EURUSD/H12,EURUSD/D1,GBPUSD/M5,GBPUSD/M15,GBPUSD/M30,GBPUSD/H1,GBPUSD/H2,GBPUSD/H4,GBPUSD/H8,GBPUSD/H12,GBPUSD/D1&confluence=EURUSD,GBPUSD,XAUUSD",
        HttpStatusCode.BadRequest, "Too many items in one stream: 21 (pairs and confluence symbols); at most 20")]
    [InlineData("free", "pairs=EURUSD/H1,EURUSD/M5", HttpStatusCode.Forbidden, "EURUSD M5 requires the PRO tier")]
    [InlineData(null, "pairs=GBPUSD/H1", HttpStatusCode.Forbidden, "GBPUSD H1 requires the PRO tier")]
    [InlineData("free", "pairs=EURUSD/H1&confluence=EURUSD", HttpStatusCode.Forbidden, "Confluence requires the PRO tier")]
    [InlineData("free", "confluence=*", HttpStatusCode.Forbidden, "Confluence requires the PRO tier")]
    public async Task Bad_selections_are_refused_before_the_stream_opens(string? tier, string query, HttpStatusCode status, string error)
    {
        var client = tier switch { "pro" => api.Client(api.ProToken), "free" => api.Client(api.FreeToken), _ => api.Client() };
        using var response = await client.GetAsync(new Uri($"/api/stream?{query}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal(error, body.GetProperty("error").GetString());
        if (status == HttpStatusCode.Forbidden)
        {
            Assert.True(body.GetProperty("upgrade_required").GetBoolean());
            Assert.Equal(tier?.ToUpperInvariant() ?? "FREE", body.GetProperty("tier").GetString());
        }

        Assert.DoesNotContain(Hub.Topics.Keys, k => k.Contains("EURGBP", StringComparison.Ordinal) || k.Contains("XAUUSD", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_free_caller_may_follow_everything_its_tier_sees_in_one_stream()
    {
        await using var stream = await Open(api.Client(api.FreeToken), "/api/stream?pairs=*");
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        while (pairs.Count < 15)
        {
            var item = await stream.Next(Bounded);
            Assert.Equal(BarEvent.Type, item.EventType);
            var body = JsonDocument.Parse(item.Data).RootElement;
            Assert.True(pairs.Add(body.GetProperty("pair").GetString()!), $"a second first event of {body.GetProperty("pair")}");
            Assert.False(string.IsNullOrEmpty(item.EventId));
        }

        // The 5 FREE symbols × H1, H4, D1: nothing above the tier.
        Assert.Equal(TierAccess.FreeSymbols.SelectMany(s => TierAccess.FreeTimeframes.Select(tf => new Pair(s, tf).Key)).Order(), pairs.Order());
    }

    [Fact]
    public async Task Reconnecting_with_Last_Event_ID_sends_exactly_what_was_missed_then_follows_live()
    {
        const string Url = "/api/stream?pairs=GBPUSD/H1,GBPUSD/H4&confluence=GBPUSD";
        var mirror = new SseMirror();
        var first = await Open(api.Client(api.ProToken), Url);
        await ReadUntil(first, mirror, () => mirror.Seen("GBPUSD/H1") >= 0 && mirror.Seen("GBPUSD/H4") >= 0 && mirror.Confluence("GBPUSD") is not null);
        var latestH1 = await Grains.GetGrain<ITimeframeGrain>("GBPUSD/H1").GetLatest();
        Assert.Equal(latestH1!.Time, Assert.Single(mirror.Bars("GBPUSD/H1")).Time);
        Assert.False(mirror.Bars("GBPUSD/H1")[0].Closed); // the latest bar is the forming one
        var id = mirror.LastEventId;
        Assert.NotNull(id);
        await first.DisposeAsync();

        // While disconnected: the forming H1 bar closes at new values, three more open, the newest is rewritten twice.
        var missed = new List<BarRecord> { latestH1 with { Close = latestH1.Close + 0.001, High = Math.Max(latestH1.High, latestH1.Close + 0.001) } };
        for (var i = 1; i <= 3; i++)
        {
            missed.Add(Bar(Timeframe.H1, latestH1.Time + (i * 3600), 1.3 + (i / 1000.0)));
        }

        await Ingest("GBPUSD", missed.ToArray());
        var rewritten = missed[^1] with { Close = 1.31, High = 1.311 };
        await Ingest("GBPUSD", rewritten);
        await Ingest("GBPUSD", rewritten with { Close = 1.312, High = 1.313 });
        var final = missed.Take(3).Append(rewritten with { Close = 1.312, High = 1.313 }).ToDictionary(b => b.Time);

        await using var second = await Open(api.Client(api.ProToken), Url, id);
        await ReadUntil(second, mirror, () => final.Keys.All(t => mirror.Bars("GBPUSD/H1").Any(b => b.Time == t && b.Close == final[t].Close)));
        Assert.Empty(mirror.Breaches);
        Assert.Empty(mirror.Resets);
        Assert.Equal(final.Keys.Prepend(latestH1.Time).Distinct().Order(), mirror.Bars("GBPUSD/H1").Select(b => b.Time));
        Assert.All(mirror.Bars("GBPUSD/H1"), b => Assert.Equal((final[b.Time].Open, final[b.Time].High, final[b.Time].Low, final[b.Time].Close), (b.Open, b.High, b.Low, b.Close)));
        // Every bar but the newest is closed: a later bar existed when it was handed out.
        Assert.Equal(mirror.Bars("GBPUSD/H1").Select(b => b.Time != final.Keys.Max()), mirror.Bars("GBPUSD/H1").Select(b => b.Closed));
        Assert.Single(mirror.Bars("GBPUSD/H4")); // nothing changed there: nothing re-sent

        // Then live, on the same connection.
        var next = Bar(Timeframe.H1, final.Keys.Max() + 3600, 1.4);
        await Ingest("GBPUSD", next);
        await ReadUntil(second, mirror, () => mirror.Bars("GBPUSD/H1").Any(b => b.Time == next.Time));
        Assert.Empty(mirror.Breaches);
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("AQ")]
    [InlineData("another selection")]
    [InlineData("expired")]
    public async Task An_id_that_cannot_be_resumed_gets_a_reset_with_the_current_state(string kind)
    {
        const string Url = "/api/stream?pairs=EURUSD/H4,EURUSD/D1&confluence=EURUSD";
        var selection = new StreamSelection([new Pair("EURUSD", Timeframe.H4), new Pair("EURUSD", Timeframe.D1)], ["EURUSD"]);
        var id = kind switch
        {
            "another selection" => StreamCursor.Encode(new StreamSelection([new Pair("GBPUSD", Timeframe.H4), new Pair("GBPUSD", Timeframe.D1)], ["EURUSD"]), [0, 0], DateTimeOffset.UtcNow),
            "expired" => StreamCursor.Encode(selection, [0, 0], DateTimeOffset.UtcNow.AddDays(-2)),
            _ => kind,
        };
        await using var stream = await Open(api.Client(api.ProToken), Url, id);
        var mirror = new SseMirror();
        var types = new List<string>();
        await ReadUntil(stream, mirror, () => mirror.Resets.Count == 2 && mirror.Confluence("EURUSD") is not null, types);
        Assert.Equal(["confluence", "reset", "reset"], types.Order());
        Assert.Empty(mirror.Breaches);
        foreach (var pair in selection.Pairs)
        {
            // The current state: the newest bars the API serves, at the same values.
            var held = mirror.Bars(pair.Key);
            Assert.NotEmpty(held);
            var served = await Indicators(pair, held.Count);
            Assert.Equal(served, held.Select(b => (b.Time, b.Close, b.Closed)));
        }

        Assert.False(string.IsNullOrEmpty(mirror.LastEventId));
    }

    private async Task<List<(long, double, bool)>> Indicators(Pair pair, int limit)
    {
        using var response = await api.Client(api.ProToken).GetAsync(new Uri($"/api/indicators/{pair.Symbol}/{pair.Timeframe.Name()}?limit={limit}", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        return [.. body.GetProperty("data").GetProperty("ohlc").EnumerateArray().Select(b => (b.GetProperty("time").GetInt64(), b.GetProperty("close").GetDouble(), b.GetProperty("closed").GetBoolean()))];
    }

    private static BarRecord Bar(Timeframe tf, long time, double close) =>
        new(tf, time, close, close + 0.002, close - 0.002, close, IndicatorValues.None with { Tema = close - 0.0005 }, 0, 1);

    private async Task Ingest(string symbol, params BarRecord[] bars)
    {
        var rows = bars.Select((b, i) => b with { Seq = i + 1 }).ToArray();
        // A source of its own per call: a source's seq only grows, so a reused one would be taken for a re-send.
        await Grains.GetGrain<ISymbolGrain>(symbol).Ingest(new IngestBatch(symbol, $"multiplexed-stream-{Guid.NewGuid():N}", rows, rows.Length));
    }

    private static async Task ReadUntil(Reader stream, SseMirror mirror, Func<bool> done, List<string>? types = null)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (!done())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(deadline) < Bounded,
                $"the stream did not get there within {Bounded}: {mirror.Events} events, types {string.Join(",", types ?? [])}, breaches {string.Join("; ", mirror.Breaches)}");
            var item = await stream.Next(Bounded);
            if (item.EventType != "heartbeat")
            {
                types?.Add(item.EventType);
            }

            mirror.Apply(item);
        }
    }

    private static async Task<Reader> Open(HttpClient http, string url, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new Reader(response, await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The stream as the framework's SSE parser reads it.</summary>
    private sealed class Reader(HttpResponseMessage response, Stream body) : IAsyncDisposable
    {
        private readonly IAsyncEnumerator<SseItem<string>> _events = SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();
        private Task<bool>? _pending;

        public async Task<SseItem<string>> Next(TimeSpan within)
        {
            _pending ??= _events.MoveNextAsync().AsTask();
            var more = await _pending.WaitAsync(within, TestContext.Current.CancellationToken);
            _pending = null;
            Assert.True(more, "the stream ended");
            return _events.Current;
        }

        public async ValueTask DisposeAsync()
        {
            response.Dispose();
            try
            {
                await _events.DisposeAsync();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or NotSupportedException)
            {
            }

            body.Dispose();
        }
    }
}
