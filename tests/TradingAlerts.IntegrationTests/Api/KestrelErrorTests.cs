using System.Net.Sockets;
using System.Text;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>
/// What a real Kestrel answers to requests it refuses itself, before any middleware (no envelope possible: it writes
/// the status line with an empty body), and what reaches the application and so gets the envelope. Raw bytes on a
/// socket, because HttpClient refuses to send most of these.
/// </summary>
public sealed class KestrelErrorTests : IAsyncLifetime
{
    private KestrelSilo _silo = null!;

    public ValueTask InitializeAsync()
    {
        _silo = KestrelSilo.Start();
        return ValueTask.CompletedTask;
    }

    /// <summary>Refused while parsing the request: Kestrel writes the status and <c>Content-Length: 0</c>, no middleware runs.</summary>
    public static TheoryData<string, string, int> RefusedByKestrel() => new()
    {
        { "headers over 32 KB (MaxRequestHeadersTotalSize)", $"GET /api/symbols HTTP/1.1\r\nHost: x\r\nX-Big: {new string('a', 40_000)}\r\nConnection: close\r\n\r\n", 431 },
        { "request line over 8 KB (MaxRequestLineSize)", $"GET /api/symbols?{new string('a', 9_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 414 },
        { "a header line without a colon", "GET /api/symbols HTTP/1.1\r\nHost: x\r\nnot-a-header\r\nConnection: close\r\n\r\n", 400 },
        { "a NUL in a header value", "GET /api/symbols HTTP/1.1\r\nHost: x\r\nX-Bad: a\0b\r\nConnection: close\r\n\r\n", 400 },
        { "no Host header", "GET /api/symbols HTTP/1.1\r\nConnection: close\r\n\r\n", 400 },
    };

    /// <summary>Odd but parseable: the application sees them, so they carry the envelope.</summary>
    public static TheoryData<string, string, int, string> ReachTheApplication() => new()
    {
        { "bad percent-encoding (kept as written)", "GET /api/indicators/%ZZ/H1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400, "Invalid symbol: %ZZ" },
        { "invalid UTF-8 in the path (kept encoded)", "GET /api/indicators/%C0%AF/H1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400, "Invalid symbol: %C0%AF" },
        { "a body over 30 MB (MaxRequestBodySize, refused when read)",
            "POST /api/dev/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 40000000\r\nConnection: close\r\n\r\n{", 413, "Payload Too Large" },
        { "an unknown method", "BREW /api/symbols HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405, "Method Not Allowed" },
    };

    [Theory]
    [MemberData(nameof(RefusedByKestrel))]
    public async Task Kestrel_refuses_a_malformed_request_itself_with_an_empty_body(string what, string request, int status)
    {
        var (answered, headers, body) = await SendAsync(request);
        Assert.True(answered == status, $"{what}: {answered}");
        Assert.Contains("Content-Length: 0", headers, StringComparison.Ordinal);
        Assert.Equal(string.Empty, body);
    }

    [Theory]
    [MemberData(nameof(ReachTheApplication))]
    public async Task Requests_kestrel_lets_through_carry_the_envelope(string what, string request, int status, string error)
    {
        var (answered, headers, body) = await SendAsync(request);
        Assert.True(answered == status, $"{what}: {answered} {body}");
        Assert.Contains("Content-Type: application/json", headers, StringComparison.Ordinal);
        Assert.Equal($$"""{"success":false,"error":"{{error}}"}""", body);
    }

    /// <summary>Sends the bytes and reads the whole answer (Connection: close): status, header block, body (de-chunked).</summary>
    private async Task<(int Status, string Headers, string Body)> SendAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", _silo.Public.BaseAddress!.Port, TestContext.Current.CancellationToken);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request), TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(timeout.Token);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var (headers, body) = (text[..split], text[(split + 4)..]);
        if (headers.Contains("Transfer-Encoding: chunked", StringComparison.Ordinal))
        {
            body = Dechunk(body);
        }

        return (int.Parse(headers.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, body);
    }

    private static string Dechunk(string chunked)
    {
        var body = new StringBuilder();
        for (var at = 0; ;)
        {
            var lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[at..lineEnd], 16);
            if (size == 0)
            {
                return body.ToString();
            }

            body.Append(chunked, lineEnd + 2, size); // the envelopes here are ASCII: characters are bytes
            at = lineEnd + 2 + size + 2;
        }
    }

    public async ValueTask DisposeAsync() => await _silo.DisposeAsync();
}
