using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingAlerts.Api.Health;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>
/// Real answers of the silo held to the schemas its OpenAPI document advertises for their route and status (the
/// writers are hand-written for speed, so nothing else ties their fields to the document): every property declared
/// with its JSON type, every required one present, nothing undeclared (<see cref="OpenApiContract"/>).
/// </summary>
public sealed class OpenApiResponseSchemaTests(StreamFixture fixture) : IClassFixture<StreamFixture>
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(30);
    private readonly ApiFixture api = fixture.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<OpenApiContract> Contract()
    {
        using var client = api.Client();
        return new OpenApiContract(JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct)).RootElement.Clone());
    }

    private static async Task<(int Status, JsonElement Body)> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Each case: a route as the document names it, the URL asked, who asks, and the status the fixture answers.</summary>
    public static TheoryData<string, string, string, int> Responses() => new()
    {
        // Pairs with bars (EURUSD, GBPUSD) and without, for each tier: FREE gets the PRO-only columns empty.
        { "/api/indicators/{symbol}/{timeframe}", "/api/indicators/EURUSD/H1?limit=50", "PRO", 200 },
        { "/api/indicators/{symbol}/{timeframe}", "/api/indicators/GBPUSD/M5", "PRO", 200 },
        { "/api/indicators/{symbol}/{timeframe}", "/api/indicators/EURUSD/H1?limit=50", "FREE", 200 },
        { "/api/indicators/{symbol}/{timeframe}", "/api/indicators/USDJPY/D1", "anonymous", 200 },
        { "/api/indicators/{symbol}/{timeframe}", "/api/indicators/EURUSD/H1?limit=0", "PRO", 400 },
        { "/api/indicators/{symbol}/{timeframe}", "/api/indicators/GBPUSD/M5", "FREE", 403 },
        // History by time range: bars, an empty range with next_time, the errors.
        { "/api/indicators/{symbol}/{timeframe}", "/api/indicators/EURUSD/H1?from=2022-01-04T00:00:00Z&to=2022-01-05T00:00:00Z", "PRO", 200 },
        { "/api/indicators/{symbol}/{timeframe}", "/api/indicators/EURUSD/H1?from=1641290460&to=1641290520", "FREE", 200 },
        { "/api/indicators/{symbol}/{timeframe}", "/api/indicators/EURUSD/H1?from=2&to=1", "PRO", 400 },
        { "/api/watchlist", "/api/watchlist?pairs=EURUSD/H1,GBPUSD/M5,USDJPY/D1", "PRO", 200 },
        { "/api/watchlist", "/api/watchlist?symbol=EURUSD", "FREE", 200 },
        { "/api/watchlist", "/api/watchlist?pairs=EURUSD", "anonymous", 400 },
        // The present, a symbol without bars (timestamp null), and the errors; a past time below.
        { "/api/confluence/{symbol}", "/api/confluence/EURUSD", "PRO", 200 },
        { "/api/confluence/{symbol}", "/api/confluence/USDJPY", "PRO", 200 },
        { "/api/confluence/{symbol}", "/api/confluence/EURUSD?timestamp=yesterday", "PRO", 400 },
        { "/api/confluence/{symbol}", "/api/confluence/EURUSD", "FREE", 403 },
        { "/api/confluence/{symbol}", "/api/confluence/EURUSD?timestamp=2000-01-01T00:00:00Z", "PRO", 404 },
        { "/api/symbols", "/api/symbols", "anonymous", 200 },
        { "/api/timeframes", "/api/timeframes", "PRO", 200 },
        { "/api/indicators/catalogue", "/api/indicators/catalogue", "FREE", 200 },
        { "/api/stream", "/api/stream?pairs=EURUSD/M1", "PRO", 400 },
        { "/api/stream", "/api/stream?confluence=EURUSD", "FREE", 403 },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task A_response_is_what_the_document_says_its_route_answers(string route, string url, string caller, int expected)
    {
        var contract = await Contract();
        using var client = api.Client(caller switch { "PRO" => api.ProToken, "FREE" => api.FreeToken, _ => null });
        var (status, body) = await Get(client, url);

        Assert.Equal(expected, status);
        contract.AssertResponse("get", route, status, body, $"GET {url} as {caller}");
    }

    [Fact]
    public async Task A_past_confluence_is_what_the_document_says()
    {
        var contract = await Contract();
        using var client = api.Client(api.ProToken);
        // The time of the present answer is one the embedded grain's history holds: its past answer is computed apart.
        var (_, present) = await Get(client, "/api/confluence/EURUSD");
        var url = $"/api/confluence/EURUSD?timestamp={present.GetProperty("timestamp").GetString()}";
        var (status, body) = await Get(client, url);

        Assert.Equal(200, status);
        contract.AssertResponse("get", "/api/confluence/{symbol}", status, body, $"GET {url}");
    }

    [Fact]
    public async Task The_development_token_is_what_the_document_says()
    {
        var contract = await Contract();
        using var client = api.Client();
        var response = await client.PostAsJsonAsync(new Uri("/api/dev/token", UriKind.Relative), new { tier = "PRO", user = "schema" }, Ct);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        contract.AssertResponse("post", "/api/dev/token", (int)response.StatusCode, body, "POST /api/dev/token");
    }

    [Theory]
    [InlineData("/api/indicators/health", HealthExtensions.PairFreshnessTag)]
    [InlineData("/api/health/sqlite", HealthExtensions.CollectorFilesTag)]
    [InlineData("/api/health/postgresql", HealthExtensions.PostgresTablesTag)]
    public async Task A_health_body_is_what_the_document_says_on_either_port(string route, string tag)
    {
        var contract = await Contract();
        using var client = api.Client();
        var (status, body) = await Get(client, route);
        contract.AssertResponse("get", route, status, body, $"GET {route} (public port)");

        // The admin port answers the check's full body, serialized as the endpoint serializes it (the test server is no admin port).
        var entry = await api.Factory.Services.GetRequiredService<HealthCheckService>().CheckTaggedAsync(tag, Ct);
        var admin = JsonSerializer.SerializeToElement(entry.Data[HealthBody.Key], JsonSerializerOptions.Web);
        contract.AssertResponse("get", route, entry.Status == HealthStatus.Unhealthy ? 503 : 200, admin, $"GET {route} (admin port)");
    }

    [Fact]
    public async Task Every_event_of_a_stream_is_what_the_document_says_for_its_type()
    {
        var contract = await Contract();
        const string route = "/api/stream";
        using var client = api.Client(api.ProToken);
        client.Timeout = Timeout.InfiniteTimeSpan;

        // bar (a pair's state) and confluence first, then heartbeats (the fixture sends one every 0.5 s).
        var seen = await Events(client, "/api/stream?pairs=EURUSD/H1,GBPUSD/M5&confluence=EURUSD", null, ["bar", "confluence", "heartbeat"]);
        // An id that cannot be resumed: each pair starts over with a reset.
        seen.AddRange(await Events(client, "/api/stream?pairs=EURUSD/H1", "not-a-cursor", ["reset"]));
        // A token that expires while the stream is open: the last event says so.
        using var expiring = api.Client(api.Token("PRO", DateTime.UtcNow.AddSeconds(2)));
        expiring.Timeout = Timeout.InfiniteTimeSpan;
        seen.AddRange(await Events(expiring, "/api/stream?pairs=EURUSD/H1", null, ["expired"]));

        Assert.Equal(["bar", "confluence", "expired", "heartbeat", "reset"], seen.Select(e => e.EventType).Distinct().Order(StringComparer.Ordinal));
        foreach (var item in seen)
        {
            var data = item.EventType == "heartbeat"
                ? JsonSerializer.SerializeToElement(item.Data) // empty text: validated as the string it is
                : JsonDocument.Parse(item.Data).RootElement;
            contract.AssertEvent(route, item.EventType, data, $"an event of {route}");
        }

        // The one-item routes advertise the same events.
        foreach (var one in (string[])["/api/stream/{symbol}/{timeframe}", "/api/stream/confluence/{symbol}"])
        {
            Assert.Equal(contract.ResponseSchema("get", route, 200, "text/event-stream"), contract.ResponseSchema("get", one, 200, "text/event-stream"));
        }
    }

    /// <summary>The events of a stream until one of each of <paramref name="until"/> arrived (bounded).</summary>
    private static async Task<List<SseItem<string>>> Events(HttpClient client, string url, string? lastEventId, string[] until)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Bounded);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        var events = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(body).EnumerateAsync(timeout.Token))
        {
            events.Add(item);
            if (until.All(type => events.Any(e => e.EventType == type)))
            {
                return events;
            }
        }

        Assert.Fail($"{url} ended before sending {string.Join(", ", until)}");
        return events;
    }
}
