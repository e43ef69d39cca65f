using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.TestSupport;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Api.Live;

namespace TradingAlerts.IntegrationTests.Live;

/// <summary>
/// A consumer of the multiplexed stream that reads nothing for 30 s while thousands of bars flow (real Kestrel and
/// TCP, so the server feels it; a small per-stream queue; PostgreSQL behind the grains), then reads on: it is caught
/// up, or told <c>reset</c> with the current state; it never has a silent hole.
/// </summary>
public sealed class LaggingStreamTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>
{
    private const string Symbol = "USDCAD";
    private const int Rounds = 3000;
    private static readonly Pair[] Pairs = [.. Timeframes.All.Select(tf => new Pair(Symbol, tf))];
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_consumer_that_stops_reading_for_30_s_is_caught_up_without_a_hole()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var silo = KestrelSilo.Start(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = db.ConnectionString,
            ["Live:ClientBuffer"] = "8",
            ["Live:CatchUpBatch"] = "200",
            ["Live:HeartbeatInterval"] = "00:00:01",
        });
        var grains = silo.Factory.Services.GetRequiredService<IGrainFactory>();
        var hub = silo.Factory.Services.GetRequiredService<LiveHub>();
        var start = new DateTimeOffset(2022, 1, 4, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var seq = 0L;
        var written = Pairs.ToDictionary(p => p.Key, _ => new Dictionary<long, BarRecord>());

        async Task Round(int round)
        {
            // One new bar per timeframe (its period after the previous), and a rewrite of the one before.
            var rows = new List<BarRecord>();
            foreach (var pair in Pairs)
            {
                var step = pair.Timeframe.Seconds();
                var close = 1.3 + (round % 97 / 10_000.0) + (step / 1e9);
                rows.Add(new BarRecord(pair.Timeframe, start + (round * step), close, close + 0.001, close - 0.001, close, IndicatorValues.None with { Tema = close }, ++seq, 1));
                if (round > 0)
                {
                    var previous = written[pair.Key][start + ((round - 1) * step)];
                    rows.Add(previous with { Close = previous.Close + 0.0001, Seq = ++seq });
                }
            }

            await grains.GetGrain<ISymbolGrain>(Symbol).Ingest(new IngestBatch(Symbol, "lagging-stream", [.. rows], seq));
            foreach (var row in rows)
            {
                written[new Pair(Symbol, row.Timeframe).Key][row.Time] = row;
            }
        }

        for (var round = 0; round < 20; round++)
        {
            await Round(round);
        }

        using var http = new HttpClient { BaseAddress = silo.Public.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        await DevToken.AuthorizeAsync(http, cancellationToken: ct);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/stream?pairs={string.Join(',', Pairs.Select(p => p.Key))}", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var events = SseParser.Create(body).EnumerateAsync(ct).GetAsyncEnumerator(ct);
        var mirror = new SseMirror();
        while (!Pairs.All(p => mirror.Seen(p.Key) >= 0))
        {
            Assert.True(await events.MoveNextAsync());
            mirror.Apply(events.Current);
        }

        // Thousands of bars while the consumer reads nothing for 30 s.
        var writing = Task.Run(async () =>
        {
            for (var round = 20; round < 20 + Rounds; round++)
            {
                await Round(round);
            }
        }, ct);
        await Task.Delay(TimeSpan.FromSeconds(30), ct);
        await writing;
        Assert.True(hub.Lagged > 0, "the stream never lagged: the test did not exercise a full queue");

        // Reads on until every pair holds the final version of its newest bar.
        var newest = Pairs.ToDictionary(p => p.Key, p => written[p.Key].Values.MaxBy(b => b.Time)!);
        var reading = TimeProvider.System.GetTimestamp();
        while (!Pairs.All(p => mirror.Bars(p.Key).Any(b => b.Time == newest[p.Key].Time && b.Close == newest[p.Key].Close)))
        {
            Assert.True(TimeProvider.System.GetElapsedTime(reading) < Bounded,
                $"not caught up within {Bounded}: seen {string.Join(", ", Pairs.Select(p => $"{p.Key} {(mirror.Bars(p.Key) is { Count: > 0 } held ? held[^1] : null)}"))}; breaches {string.Join("; ", mirror.Breaches.Take(5))}");
            Assert.True(await events.MoveNextAsync(), "the stream ended");
            mirror.Apply(events.Current);
        }

        Assert.True(mirror.Breaches.Count == 0, string.Join(Environment.NewLine, mirror.Breaches.Take(20)));
        var resets = mirror.Resets;
        foreach (var pair in Pairs)
        {
            var held = mirror.Bars(pair.Key).ToDictionary(b => b.Time);
            // Caught up: every bar from where following began, at its final values. After a reset: the current state,
            // as the API serves it, and everything since.
            var from = resets.ContainsKey(pair.Key) ? held.Keys.Min() : mirror.FirstLatest[pair.Key];
            var expected = written[pair.Key].Values.Where(b => b.Time >= from).OrderBy(b => b.Time).ToList();
            var missing = expected.Where(b => !held.TryGetValue(b.Time, out var h) || (h.Open, h.High, h.Low, h.Close) != (b.Open, b.High, b.Low, b.Close)).ToList();
            Assert.True(missing.Count == 0, $"{pair.Key}: {missing.Count} of {expected.Count} bars missing or not at their final values (first {missing.FirstOrDefault()}), resets {resets.GetValueOrDefault(pair.Key)}");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{mirror.Events} events, {hub.Lagged} lags, resets: {string.Join(", ", resets)}");
    }
}
