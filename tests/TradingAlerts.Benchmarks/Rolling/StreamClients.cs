using System.Diagnostics;
using System.Globalization;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Benchmarks.Rolling;

/// <summary>
/// SSE clients of the multiplexed stream through the load balancer (<see cref="SseFollower"/>: reconnect on a
/// <c>reconnect</c> event or a broken connection, resume by <c>Last-Event-ID</c>), each applying what it receives to an
/// <see cref="SseMirror"/> that records any hole or repeated position. A watcher charges to the current phase the
/// longest time a client went without an event, and each stall (a gap above <see cref="StallAfter"/>) with the
/// servers the client was on before and after it.
/// </summary>
internal sealed class StreamClients : IAsyncDisposable
{
    /// <summary>The feed moves every stream's pairs every 200 ms: a second without an event is a stall, not noise.</summary>
    public static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(2);

    private readonly HttpClient[] _clients;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watch;

    public StreamClients(Uri proxy, string token, IReadOnlyList<string> symbols, int count, Func<PhaseStats> phase)
    {
        Pairs = [.. symbols.SelectMany(s => Timeframes.All.Select(tf => new Pair(s, tf)))];
        Symbols = symbols;
        var url = $"/api/stream?pairs={string.Join(',', Pairs.Select(p => p.Key))}&confluence={string.Join(',', symbols)}";
        Mirrors = [.. Enumerable.Range(0, count).Select(_ => new SseMirror())];
        _clients = [.. Mirrors.Select(_ => new HttpClient { BaseAddress = proxy, Timeout = Timeout.InfiniteTimeSpan })];
        foreach (var client in _clients)
        {
            client.DefaultRequestHeaders.Authorization = DevToken.Bearer(token);
        }

        Followers = [.. Mirrors.Select((m, i) => new SseFollower(m, url, () => [new StreamTarget("haproxy", _clients[i])]))];
        _watch = Task.Run(() => WatchAsync(phase));
    }

    public IReadOnlyList<Pair> Pairs { get; }

    public IReadOnlyList<string> Symbols { get; }

    public SseMirror[] Mirrors { get; }

    public SseFollower[] Followers { get; }

    /// <summary>Every client has an event of every pair and symbol.</summary>
    public bool AllStarted => Mirrors.All(m => Pairs.All(p => m.Seen(p.Key) >= 0) && Symbols.All(s => m.Confluence(s) is not null));

    /// <summary>Clients whose mirror holds more breaches than <paramref name="before"/> (a snapshot of <see cref="Breaches"/>).</summary>
    public int WithNewBreaches(int[] before) => Mirrors.Where((m, i) => m.Breaches.Count > before[i]).Count();

    public int[] Breaches() => [.. Mirrors.Select(m => m.Breaches.Count)];

    private async Task WatchAsync(Func<PhaseStats> phase)
    {
        var last = Mirrors.Select(m => (Events: m.Events, At: Stopwatch.GetTimestamp(), On: string.Empty)).ToArray();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await tick.WaitForNextTickAsync(CancellationToken.None) && !_stop.IsCancellationRequested)
        {
            var current = phase();
            for (var i = 0; i < Mirrors.Length; i++)
            {
                var events = Mirrors[i].Events;
                var gap = Stopwatch.GetElapsedTime(last[i].At);
                if (events == last[i].Events)
                {
                    current.Gap(gap); // an ongoing gap counts for the phase it is in
                    continue;
                }

                var on = Followers[i].Connected ?? "(reconnecting)";
                if (gap > StallAfter)
                {
                    current.Stalls.Enqueue(string.Create(CultureInfo.InvariantCulture,
                        $"client {i}: no event for {gap.TotalSeconds:0.0} s from {DateTimeOffset.UtcNow - gap:HH:mm:ss.f} UTC, on {(last[i].On.Length == 0 ? "?" : last[i].On)} then {on}"));
                }

                last[i] = (events, Stopwatch.GetTimestamp(), on);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watch;
        foreach (var follower in Followers)
        {
            await follower.DisposeAsync();
        }

        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _stop.Dispose();
    }
}
