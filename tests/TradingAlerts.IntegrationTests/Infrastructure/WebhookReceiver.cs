using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TradingAlerts.IntegrationTests.Infrastructure;

/// <summary>One POST the receiver got: the headers that matter, the exact body, and what it answered.</summary>
public sealed record WebhookDelivery(string? IdempotencyKey, string? Signature, string Body, string? BodyId, bool SignatureValid, int Answered, long ReceivedAt);

/// <summary>
/// A webhook receiver as a customer would run it: real Kestrel on a loopback port, verifying the HMAC-SHA256 signature
/// over the exact body bytes with the shared secret (written here from docs/alert-engine.md, not the engine's code).
/// <see cref="Answer"/> decides each status (e.g. 500 for a while).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<WebhookDelivery> _deliveries = [];
    private readonly Lock _lock = new();

    private WebhookReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Status to answer for the n-th request (0-based); 200 unless set.</summary>
    public Func<int, HttpStatusCode> Answer { get; set; } = _ => HttpStatusCode.OK;

    public IReadOnlyList<WebhookDelivery> Deliveries
    {
        get
        {
            lock (_lock)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>Ids of the alerts answered with a 2xx.</summary>
    public IReadOnlySet<string> Accepted() => Deliveries.Where(d => d.Answered is >= 200 and < 300).Select(d => d.BodyId ?? string.Empty).ToHashSet(StringComparer.Ordinal);

    public static async Task<WebhookReceiver> StartAsync(string secret)
    {
        var port = TestEnvironment.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, $"http://127.0.0.1:{port}/hook");
        var key = Encoding.UTF8.GetBytes(secret);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var signature = context.Request.Headers["X-TradingAlerts-Signature"].ToString();
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, body));
            var valid = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(expected));
            string? bodyId = null;
            try
            {
                using var doc = JsonDocument.Parse(body);
                bodyId = doc.RootElement.GetProperty("id").GetString();
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                // recorded with no id: the assertions name it
            }

            HttpStatusCode status;
            lock (receiver._lock)
            {
                status = receiver.Answer(receiver._deliveries.Count);
                receiver._deliveries.Add(new WebhookDelivery(context.Request.Headers["Idempotency-Key"].ToString(), signature,
                    Encoding.UTF8.GetString(body), bodyId, valid, (int)status, TimeProvider.System.GetTimestamp()));
            }

            return Results.StatusCode((int)status);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
