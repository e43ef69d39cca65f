using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Benchmarks.Memory;

namespace TradingAlerts.Benchmarks.Rolling;

/// <summary>Sizes and durations of a run (<c>rolling</c>'s options).</summary>
internal sealed record RollingOptions(
    double Rate, int Streams, int StreamSymbols, int HistoryDays, TimeSpan Steady, TimeSpan Settle, TimeSpan AfterKill,
    TimeSpan DrainDelay, string? UpgradeFolder, string? Logs);

/// <summary>
/// Zero-downtime operations under load (issue 22): on <see cref="RollingGrid"/>, with <see cref="ReadLoad"/> and
/// <see cref="StreamClients"/> running throughout, in turn: a steady state; each silo restarted gracefully (SIGTERM,
/// wait until it is back in rotation, next); each replaced by another build (an upgrade); a fourth added, then the
/// first removed; one SIGKILLed (time until every pair is served again), then replaced. Per phase: requests sent,
/// failed, wrong (sampled bodies against PostgreSQL), latency against the steady state, stream holes and stalls,
/// warning lines of the silos.
/// </summary>
internal static class RollingBenchmark
{
    private static readonly TimeSpan ServedBound = TimeSpan.FromSeconds(120);

    public static async Task<int> RunAsync(string admin, RollingOptions options, TextWriter output, CancellationToken ct)
    {
        await using var db = await ThrowawayDatabase.CreateAsync("bench_rolling", DatabaseContent.Schema, admin);
        var phases = new List<PhaseStats>();
        var current = new PhaseStats("startup");
        var breaches = Array.Empty<int>();
        await using var grid = new RollingGrid(db, options.DrainDelay, options.Logs, () => current);
        var watch = Stopwatch.StartNew();
        await grid.StartAsync(options.HistoryDays, output, ct);
        output.WriteLine($"grid: 3 silos UP behind HAProxy on 127.0.0.1:{grid.HaProxy.Port} after {watch.Elapsed.TotalSeconds:0} s; load {options.Rate:0} req/s, {options.Streams} stream clients of {options.StreamSymbols} symbols ({options.StreamSymbols * Timeframes.All.Count} pairs and their confluence)");

        var pro = await DevToken.GetAsync(grid[0]!.Http, "PRO", "rolling-pro", ct);
        var free = await DevToken.GetAsync(grid[0]!.Http, "FREE", "rolling-free", ct);
        using var proxy = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{grid.HaProxy.Port}"), Timeout = TimeSpan.FromSeconds(30) };
        await using var streams = new StreamClients(proxy.BaseAddress, pro, [.. Symbols.All.Take(options.StreamSymbols)], options.Streams, () => current);
        await Eventually.UntilAsync("every stream client's first event of every pair and symbol", () => streams.AllStarted, RollingGrid.Bound,
            TimeSpan.FromMilliseconds(250), () => Task.FromResult(grid.Tails()), ct);

        void Begin(string name)
        {
            breaches = streams.Breaches();
            current = new PhaseStats(name);
            phases.Add(current);
            output.WriteLine($"[{watch.Elapsed:mm\\:ss}] {name} ({DateTimeOffset.UtcNow:HH:mm:ss} UTC)");
        }

        void End() => current.StreamHoles = streams.WithNewBreaches(breaches);

        var load = new ReadLoad(proxy, pro, free, options.Rate, () => current);
        await using (load)
        {
            Begin("steady state");
            await Task.Delay(options.Steady, ct);
            End();

            Begin("graceful restart x3");
            for (var slot = 0; slot < 3; slot++)
            {
                await ReplaceAsync(grid, slot, folder: null, current, options.Settle, ct);
            }

            End();
            if (options.UpgradeFolder is { } upgrade)
            {
                Begin("upgrade x3 (new build)");
                for (var slot = 0; slot < 3; slot++)
                {
                    await ReplaceAsync(grid, slot, upgrade, current, options.Settle, ct);
                }

                End();
            }
            else
            {
                output.WriteLine("upgrade: skipped (no --upgrade-folder; deploy/bench.sh rolling publishes one)");
            }

            Begin("scale out +silo4");
            await grid.StartReadyAsync(3, options.UpgradeFolder, ct);
            await Task.Delay(options.Settle, ct);
            End();

            Begin("scale in -silo1");
            current.Notes.Add($"silo1 exit {await grid.StopAsync(0, ct)}");
            await grid.WaitRotationAsync(ct);
            await Task.Delay(options.Settle, ct);
            End();

            Begin("SIGKILL silo2");
            var atKill = await ColdStartBenchmark.NewestAsync(db);
            var killed = Stopwatch.StartNew();
            grid.Kill(1);
            current.AllServedAfter = await AllServedAsync(proxy, pro, atKill, killed, current);
            await grid.WaitRotationAsync(ct);
            current.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"HAProxy took silo2 out after {killed.Elapsed.TotalSeconds:0.0} s"));
            await Task.Delay(options.AfterKill - killed.Elapsed > TimeSpan.Zero ? options.AfterKill - killed.Elapsed : TimeSpan.Zero, ct);
            End();

            Begin("replace killed silo2");
            await grid.StartReadyAsync(1, options.UpgradeFolder, ct);
            await Task.Delay(options.AfterKill, ct);
            End();
        }

        // What follows is no phase's (a quiet stream after the feed stops is no stall).
        current = new PhaseStats("after the phases");

        // The feed stops; closed bars are final, so what was served closed must be what PostgreSQL holds now, and once
        // the last writes arrived every pair's newest bar too.
        await grid.StopFeedAsync();
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        await RollingReport.CompareSamplesAsync(db, phases);
        var newest = await RollingReport.NewestDifferAsync(db, proxy, pro, ct);
        var undelivered = await RollingReport.UndeliveredAsync(db, streams, ct);
        RollingReport.Print(phases, streams, undelivered, newest, output);
        return 0;
    }

    /// <summary>SIGTERM to the silo in <paramref name="slot"/>, a new one (from <paramref name="folder"/>) on its port once it exited, back in rotation, then a settle under load.</summary>
    private static async Task ReplaceAsync(RollingGrid grid, int slot, string? folder, PhaseStats phase, TimeSpan settle, CancellationToken ct)
    {
        var name = grid[slot]!.Name;
        var stopping = Stopwatch.StartNew();
        var exit = await grid.StopAsync(slot, ct);
        var stopped = stopping.Elapsed;
        await grid.StartReadyAsync(slot, folder, ct);
        phase.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"{name} exit {exit} after {stopped.TotalSeconds:0.0} s, successor in rotation after {stopping.Elapsed.TotalSeconds:0.0} s"));
        await Task.Delay(settle, ct);
    }

    /// <summary>
    /// Asks for every pending pair through the load balancer (all at once, every 100 ms) until each answers 200 with at
    /// least the newest bar PostgreSQL held at the kill; the time since <paramref name="since"/> started when the last was.
    /// </summary>
    private static async Task<TimeSpan> AllServedAsync(HttpClient proxy, string token, Dictionary<Pair, long> newest, Stopwatch since, PhaseStats phase)
    {
        var pending = newest.Keys.ToHashSet();
        var statuses = new Dictionary<int, int>();
        var auth = DevToken.Bearer(token);
        while (pending.Count > 0)
        {
            if (since.Elapsed > ServedBound)
            {
                throw new TimeoutException($"{pending.Count} pairs not served {ServedBound} after the kill: {string.Join(", ", pending.Take(10).Select(p => p.Key))}");
            }

            var answers = await Task.WhenAll(pending.Select(async pair =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/indicators/{pair.Symbol}/{pair.Timeframe.Name()}?limit=1", UriKind.Relative));
                request.Headers.Authorization = auth;
                try
                {
                    using var response = await proxy.SendAsync(request);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        return (pair, Status: (int)response.StatusCode, Served: false);
                    }

                    using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
                    var ohlc = body.RootElement.GetProperty("data").GetProperty("ohlc");
                    return (pair, Status: 200, Served: ohlc.GetArrayLength() > 0 && ohlc[ohlc.GetArrayLength() - 1].GetProperty("time").GetInt64() >= newest[pair]);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return (pair, Status: 0, Served: false);
                }
            }));
            foreach (var (pair, status, served) in answers)
            {
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (served)
                {
                    pending.Remove(pair);
                }
            }

            if (pending.Count > 0)
            {
                await Task.Delay(100);
            }
        }

        var elapsed = since.Elapsed;
        phase.Notes.Add($"served-again probes: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}");
        return elapsed;
    }
}
