using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.MultiProcess;

/// <summary>
/// Drain before stop, in a built silo process (cluster mode on PostgreSQL): after SIGTERM the silo answers
/// <c>/health/ready</c> with 503 while it still serves <c>/api</c> (the load balancer's cue to take it out of rotation),
/// its open streams end with a <c>reconnect</c> event carrying <c>retry:</c>, a stream opened meanwhile gets that event
/// at once, and then the process exits 0 (Kestrel and Orleans stopped in order).
/// </summary>
public sealed class DrainTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_stopping_silo_turns_unready_keeps_serving_through_the_drain_tells_streams_to_reconnect_and_exits_0()
    {
        var ct = TestContext.Current.CancellationToken;
        using var silo = SiloProcess.Start("draining", new SiloProcessOptions
        {
            Postgres = db.ConnectionString,
            ClusterId = $"drain-{Guid.NewGuid():N}",
            Demo = false,
            RateLimits = false,
            // Long enough that the checks below all fall inside it; the stop is awaited, not timed.
            Arguments = ["--Drain:Delay=00:00:20", "--Drain:ReconnectAfter=00:00:00.750", "--Live:HeartbeatInterval=00:00:01"],
        });
        await silo.WaitReadyAsync(Startup, cancellationToken: ct);
        var token = await silo.AuthorizeAsync(cancellationToken: ct);
        using var streams = new HttpClient { BaseAddress = silo.Http.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        streams.DefaultRequestHeaders.Authorization = DevToken.Bearer(token);

        // A stream open before the stop: it must end with the reconnect event (heartbeats come every second meanwhile).
        var before = await OpenAsync(streams, ct);
        var beforeEvents = ReadAllAsync(before, ct);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(silo.Http, "/health/ready", ct));

        var stopped = silo.StopAsync(Bounded, ct);

        // Not ready, yet answering: a 503 from the readiness probe itself, never a refused connection.
        await Eventually.UntilAsync("/health/ready to answer 503 after SIGTERM", async () =>
            await StatusOrNullAsync(silo.Http, "/health/ready", ct) == HttpStatusCode.ServiceUnavailable,
            Bounded, TimeSpan.FromMilliseconds(50), () => Task.FromResult(silo.Tail()), ct);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(silo.Http, "/api/symbols", ct));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(silo.Http, "/api/indicators/EURUSD/H1?limit=5", ct));

        var (types, retry) = await beforeEvents.WaitAsync(Bounded, ct);
        Assert.Equal("reconnect", types[^1]);
        Assert.Equal(TimeSpan.FromMilliseconds(750), retry);

        // A stream opened during the drain is told to go elsewhere at once.
        var during = await OpenAsync(streams, ct);
        var (duringTypes, _) = await ReadAllAsync(during, ct).WaitAsync(Bounded, ct);
        Assert.Equal(["reconnect"], duringTypes);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(silo.Http, "/api/symbols", ct));

        Assert.Equal(0, await stopped);
        var drained = silo.Matching("draining for");
        Assert.True(drained.Count == 1, silo.Tail());
    }

    private static async Task<HttpResponseMessage> OpenAsync(HttpClient http, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/stream?pairs=EURUSD/H1,EURUSD/M5", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    /// <summary>Every event type of the stream until the server ends it, and the last <c>retry:</c> it sent.</summary>
    private static async Task<(List<string> Types, TimeSpan Retry)> ReadAllAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using (response)
        {
            var types = new List<string>();
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            var parser = SseParser.Create(body);
            await foreach (var item in parser.EnumerateAsync(ct))
            {
                if (item.EventType != "heartbeat")
                {
                    types.Add(item.EventType);
                }
            }

            return (types, parser.ReconnectionInterval);
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), ct);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode?> StatusOrNullAsync(HttpClient http, string path, CancellationToken ct)
    {
        try
        {
            return await StatusAsync(http, path, ct);
        }
        catch (HttpRequestException)
        {
            return null; // refused: what a silo without a drain does within moments of SIGTERM
        }
    }
}
