using System.Net.Http.Headers;
using System.Net.ServerSentEvents;

namespace TradingAlerts.TestSupport;

/// <summary>A silo a stream can be read from: its name and an HttpClient (no timeout, caller's token set) on its port.</summary>
public sealed record StreamTarget(string Name, HttpClient Http);

/// <summary>
/// Follows one stream URL as a browser's EventSource would, with a plain HttpClient and the framework's SSE parser:
/// when the connection breaks, or the silo ends the stream with a <c>reconnect</c> event (it is draining), it
/// reconnects after the stream's <c>retry:</c> (200 ms by default), to the next target, sending the last event id it
/// received as <c>Last-Event-ID</c>. Every event goes into the <see cref="SseMirror"/>. Behind a load balancer (one
/// target) the server that answered is the response's <c>X-Served-By</c> header, when the balancer adds it.
/// </summary>
public sealed class SseFollower : IAsyncDisposable
{
    private readonly SseMirror _mirror;
    private readonly string _url;
    private readonly Func<IReadOnlyList<StreamTarget>> _targets;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;
    private readonly Lock _lock = new();
    private readonly List<string> _connections = [];
    private readonly List<string> _reconnectsFrom = [];

    /// <summary>The response header naming the server behind a load balancer (the test's HAProxy adds it).</summary>
    public const string ServedBy = "X-Served-By";

    public SseFollower(SseMirror mirror, string url, Func<IReadOnlyList<StreamTarget>> targets)
    {
        _mirror = mirror;
        _url = url;
        _targets = targets;
        _run = Task.Run(RunAsync);
    }

    /// <summary>The silo the stream is read from now; null while reconnecting.</summary>
    public string? Connected { get; private set; }

    /// <summary>Each connection made: the silo (or balancer:server) and whether it sent a Last-Event-ID.</summary>
    public IReadOnlyList<string> Connections
    {
        get
        {
            lock (_lock)
            {
                return [.. _connections];
            }
        }
    }

    /// <summary>The servers (as in <see cref="Connections"/>) whose stream ended with a <c>reconnect</c> event.</summary>
    public IReadOnlyList<string> ReconnectsFrom
    {
        get
        {
            lock (_lock)
            {
                return [.. _reconnectsFrom];
            }
        }
    }

    private async Task RunAsync()
    {
        var next = 0;
        var retry = TimeSpan.FromMilliseconds(200);
        while (!_stop.IsCancellationRequested)
        {
            var targets = _targets();
            var target = targets[next % targets.Count];
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_url, UriKind.Relative));
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
                var resume = _mirror.LastEventId;
                if (resume is not null)
                {
                    request.Headers.Add("Last-Event-ID", resume);
                }

                using var response = await target.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
                if (response.IsSuccessStatusCode)
                {
                    var server = response.Headers.TryGetValues(ServedBy, out var served) ? $"{target.Name}:{served.First()}" : target.Name;
                    lock (_lock)
                    {
                        _connections.Add($"{server}{(resume is null ? string.Empty : " (resumed)")}");
                    }

                    Connected = server;
                    _mirror.Connection = $"{_connections.Count}: {server}";
                    await using var body = await response.Content.ReadAsStreamAsync(_stop.Token);
                    var parser = SseParser.Create(body);
                    await foreach (var item in parser.EnumerateAsync(_stop.Token))
                    {
                        _mirror.Apply(item);
                        if (item.EventType == "reconnect")
                        {
                            lock (_lock)
                            {
                                _reconnectsFrom.Add(server);
                            }

                            break; // the silo is stopping: the last event of this stream
                        }
                    }

                    if (parser.ReconnectionInterval is { } wait && wait > TimeSpan.Zero)
                    {
                        retry = wait;
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException && !_stop.IsCancellationRequested)
            {
                // The silo went away (or is not up): the next one.
            }

            Connected = null;
            next++;
            if (!_stop.IsCancellationRequested)
            {
                await Task.Delay(retry, CancellationToken.None);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
