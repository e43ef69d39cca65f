using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Api.Auth;
using TradingAlerts.Api.Live;

namespace TradingAlerts.IntegrationTests.Security;

/// <summary>The real silo with small stream caps: 2 per caller, 4 in total.</summary>
public sealed class StreamCapSilo : IAsyncLifetime
{
    public SiloFactory Factory { get; } = new(new Dictionary<string, string?>
    {
        ["Live:MaxStreamsPerCaller"] = "2",
        ["Live:MaxStreamsPerSilo"] = "4",
        ["Live:HeartbeatInterval"] = "00:00:00.500",
    });

    public LiveOptions Options => Factory.Services.GetRequiredService<IOptions<LiveOptions>>().Value;

    internal StreamSlots Slots => Factory.Services.GetRequiredService<StreamSlots>();

    public ValueTask InitializeAsync()
    {
        Factory.CreateClient().Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A PRO token of <paramref name="user"/> signed with the silo's key, valid until <paramref name="expires"/>.</summary>
    public string Token(string user, DateTime expires)
    {
        var auth = Factory.Services.GetRequiredService<AuthOptions>();
        var credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(auth.SigningKey!)), SecurityAlgorithms.HmacSha256);
        return new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(auth.Issuer, auth.Audience,
            [new Claim("sub", user), new Claim("tier", "PRO")], notBefore: DateTime.UtcNow.AddMinutes(-1), expires: expires, signingCredentials: credentials));
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>Live streams are capped per caller and per silo (429 beyond, with the reason) and end when their token expires.</summary>
public sealed class StreamCapTests(StreamCapSilo silo) : IClassFixture<StreamCapSilo>
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Streams_beyond_the_per_caller_and_per_silo_caps_are_429_and_a_closed_stream_frees_its_slot()
    {
        var limits = silo.Options;
        var hour = DateTime.UtcNow.AddHours(1);
        var alice = silo.Token("cap-alice", hour);
        var streams = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < limits.MaxStreamsPerCaller; i++)
            {
                streams.Add(await Open(alice, expect: HttpStatusCode.OK));
            }

            using (var refused = await Open(alice, expect: HttpStatusCode.TooManyRequests))
            {
                Assert.Equal($"Too many live streams: at most {limits.MaxStreamsPerCaller} per caller on this server; close one first", await Error(refused));
            }

            // Other callers fill the silo up to its cap; the next one, with no stream of its own, is refused too.
            for (var user = 0; silo.Slots.Open < limits.MaxStreamsPerSilo; user++)
            {
                streams.Add(await Open(silo.Token($"cap-other-{user}", hour), expect: HttpStatusCode.OK));
            }

            using (var refused = await Open(silo.Token("cap-latecomer", hour), expect: HttpStatusCode.TooManyRequests))
            {
                Assert.Equal($"Too many live streams on this server (at most {limits.MaxStreamsPerSilo}); try again later", await Error(refused));
            }

            // Closing one of alice's streams gives the slot back.
            streams[0].Dispose();
            streams.RemoveAt(0);
            await Eventually.UntilAsync("the closed stream's slot to be released", () => silo.Slots.Open < limits.MaxStreamsPerSilo, Bounded, cancellationToken: Ct);
            streams.Add(await Open(alice, expect: HttpStatusCode.OK));
        }
        finally
        {
            streams.ForEach(s => s.Dispose());
        }

        await Eventually.UntilAsync("every slot to be released", () => silo.Slots.Open == 0, Bounded, cancellationToken: Ct);
    }

    [Fact]
    public async Task A_stream_ends_with_an_expired_event_when_its_token_expires()
    {
        using var response = await Open(silo.Token("expiring-user", DateTime.UtcNow.AddSeconds(4)), expect: HttpStatusCode.OK);
        var events = SseParser.Create(await response.Content.ReadAsStreamAsync(Ct)).EnumerateAsync(Ct);
        var seen = new List<SseItem<string>>();
        await ReadToEnd().WaitAsync(Bounded, Ct);

        Assert.Equal("bar", seen[0].EventType);
        var last = seen[^1];
        Assert.Equal(LiveClient.ExpiredEventType, last.EventType);
        Assert.Equal("""{"success":false,"error":"Token expired"}""", last.Data);
        Assert.All(seen.Skip(1).SkipLast(1), e => Assert.Equal("heartbeat", e.EventType));

        async Task ReadToEnd()
        {
            await foreach (var item in events)
            {
                seen.Add(item);
            }
        }
    }

    private async Task<HttpResponseMessage> Open(string token, HttpStatusCode expect)
    {
        var http = silo.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/stream/EURUSD/H1", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(expect, response.StatusCode);
        return response;
    }

    private static async Task<string?> Error(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error").GetString();
}
