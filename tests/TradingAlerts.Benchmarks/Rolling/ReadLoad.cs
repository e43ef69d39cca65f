using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Benchmarks.Rolling;

/// <summary>
/// An open-loop read load through the load balancer at a fixed rate (requests are sent on schedule whether or not
/// earlier ones answered, so a stall shows as latency, not as a lower rate): indicators of random pairs, confluence,
/// health and symbols, with a PRO and a FREE token (each asking only what its tier may read). Every answer is counted
/// in the phase current when it was sent; some indicators bodies are kept to compare with PostgreSQL.
/// </summary>
internal sealed class ReadLoad : IAsyncDisposable
{
    // Far above rate x steady latency: what is skipped is counted (the grid fell behind), not hidden.
    private const int MaxInFlight = 256;
    private static readonly Pair[] FreePairs = [.. Pair.All.Where(p => TierAccess.CanAccess(Tier.Free, p.Symbol, p.Timeframe))];
    private readonly HttpClient _proxy;
    private readonly AuthenticationHeaderValue _pro;
    private readonly AuthenticationHeaderValue _free;
    private readonly double _rate;
    private readonly SemaphoreSlim _inFlight = new(MaxInFlight);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    public ReadLoad(HttpClient proxy, string proToken, string freeToken, double rate, Func<PhaseStats> phase)
    {
        _proxy = proxy;
        (_pro, _free) = (DevToken.Bearer(proToken), DevToken.Bearer(freeToken));
        _rate = rate;
        Phase = phase;
        _run = Task.Run(RunAsync);
    }

    private Func<PhaseStats> Phase { get; }

    private async Task RunAsync()
    {
        var started = Stopwatch.GetTimestamp();
        long sent = 0;
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (await tick.WaitForNextTickAsync(CancellationToken.None) && !_stop.IsCancellationRequested)
        {
            var due = (long)(Stopwatch.GetElapsedTime(started).TotalSeconds * _rate);
            for (; sent < due; sent++)
            {
                var phase = Phase();
                if (!_inFlight.Wait(0))
                {
                    phase.Skip();
                    continue;
                }

                var n = sent;
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await OneAsync(n, phase);
                    }
                    finally
                    {
                        _inFlight.Release();
                    }
                });
            }
        }
    }

    /// <summary>Request <paramref name="n"/>: 60 % PRO, 40 % FREE; of each, mostly indicators, some confluence (PRO only), health and symbols.</summary>
    private async Task OneAsync(long n, PhaseStats phase)
    {
        var pro = n % 5 < 3;
        var kind = (n / 5) % 10;
        var random = Random.Shared;
        Pair? pair = null;
        string path;
        if (kind < 7)
        {
            var asked = pro ? Pair.All[random.Next(Pair.All.Count)] : FreePairs[random.Next(FreePairs.Length)];
            (pair, path) = (asked, $"/api/indicators/{asked.Symbol}/{asked.Timeframe.Name()}?limit=20");
        }
        else if (kind < 9 && pro)
        {
            path = $"/api/confluence/{Symbols.All[random.Next(Symbols.All.Count)]}";
        }
        else
        {
            path = kind == 9 ? "/api/symbols" : "/api/indicators/health";
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = pro ? _pro : _free;
        var watch = Stopwatch.StartNew();
        int status;
        string body;
        string? server = null;
        try
        {
            using var response = await _proxy.SendAsync(request, CancellationToken.None);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            server = response.Headers.TryGetValues(SseFollower.ServedBy, out var served) ? served.First() : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            (status, body) = (0, $"{ex.GetType().Name}: {ex.Message}");
        }

        phase.Record(status, watch.Elapsed.TotalMilliseconds, $"{path} from {server ?? "haproxy"}: {body[..Math.Min(body.Length, 160)]}");
        if (status == 200 && pair is { } sampled && n % 4 == 0 && phase.WantsSample)
        {
            phase.Samples.Enqueue((sampled, JsonDocument.Parse(body).RootElement.Clone()));
        }
    }

    /// <summary>Stops sending and waits (bounded) for the answers of what was sent.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        for (var waited = 0; waited < 300 && _inFlight.CurrentCount < MaxInFlight; waited++)
        {
            await Task.Delay(100);
        }

        _stop.Dispose();
        _inFlight.Dispose();
    }
}
