using System.Globalization;
using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Benchmarks.Rolling;

/// <summary>The rolling benchmark's checks against PostgreSQL (own SQL, not the grid's read path) and its table.</summary>
internal static class RollingReport
{
    private static readonly string[] GracefulPhases = ["graceful", "upgrade", "scale"];

    /// <summary>Every sampled body's closed bars against the rows PostgreSQL holds (closed bars are final).</summary>
    public static async Task CompareSamplesAsync(ThrowawayDatabase db, IReadOnlyList<PhaseStats> phases)
    {
        var stored = new Dictionary<Pair, Dictionary<long, (double, double, double, double)>>();
        foreach (var pair in Pair.All)
        {
            var rows = await db.QueryAsync($"SELECT extract(epoch FROM timestamp)::bigint, open, high, low, close FROM {pair.TableName}",
                r => (Time: r.GetInt64(0), Values: (r.GetDouble(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4))));
            stored[pair] = rows.ToDictionary(r => r.Time, r => r.Values);
        }

        foreach (var phase in phases)
        {
            foreach (var (pair, body) in phase.Samples)
            {
                foreach (var bar in body.GetProperty("data").GetProperty("ohlc").EnumerateArray().Where(b => b.GetProperty("closed").GetBoolean()))
                {
                    phase.Compared++;
                    var time = bar.GetProperty("time").GetInt64();
                    var served = (bar.GetProperty("open").GetDouble(), bar.GetProperty("high").GetDouble(), bar.GetProperty("low").GetDouble(), bar.GetProperty("close").GetDouble());
                    if (!stored[pair].TryGetValue(time, out var row))
                    {
                        phase.Wrong.Add($"{pair.Key}: served closed bar {time} that PostgreSQL does not hold");
                    }
                    else if (row != served)
                    {
                        phase.Wrong.Add($"{pair.Key}: bar {time} served as {served}, stored as {row}");
                    }
                }
            }
        }
    }

    /// <summary>
    /// Per stream client, the PostgreSQL rows (from where it began following) it never received or holds at other
    /// values; waits, bounded, for the last ones still on their way.
    /// </summary>
    public static async Task<List<string>[]> UndeliveredAsync(ThrowawayDatabase db, StreamClients streams, CancellationToken ct)
    {
        var result = new List<string>[streams.Mirrors.Length];
        for (var k = 0; k < streams.Mirrors.Length; k++)
        {
            var mirror = streams.Mirrors[k];
            result[k] = await Eventually.LastAsync(() => Differences(db, streams.Pairs, mirror), d => d.Count == 0,
                TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500), ct);
        }

        return result;
    }

    private static async Task<List<string>> Differences(ThrowawayDatabase db, IReadOnlyList<Pair> pairs, SseMirror mirror)
    {
        var differences = new List<string>();
        var from = mirror.FirstLatest;
        foreach (var pair in pairs)
        {
            var held = mirror.Bars(pair.Key).ToDictionary(b => b.Time);
            var rows = await db.QueryAsync(string.Create(CultureInfo.InvariantCulture,
                $"SELECT extract(epoch FROM timestamp)::bigint, open, high, low, close FROM {pair.TableName} WHERE timestamp >= to_timestamp({from.GetValueOrDefault(pair.Key)}) ORDER BY timestamp"),
                r => (Time: r.GetInt64(0), Open: r.GetDouble(1), High: r.GetDouble(2), Low: r.GetDouble(3), Close: r.GetDouble(4)));
            foreach (var row in rows)
            {
                if (!held.TryGetValue(row.Time, out var bar))
                {
                    differences.Add($"{pair.Key}: bar {row.Time} stored but never delivered");
                }
                else if ((bar.Open, bar.High, bar.Low, bar.Close) != (row.Open, row.High, row.Low, row.Close))
                {
                    differences.Add($"{pair.Key}: bar {row.Time} delivered as {bar} but stored as {row}");
                }
            }
        }

        return differences;
    }

    /// <summary>
    /// Once the feed has stopped: pairs whose newest bar served through the load balancer is not PostgreSQL's newest row
    /// (time and values), waited for (bounded) while the last writes arrive.
    /// </summary>
    public static async Task<List<string>> NewestDifferAsync(ThrowawayDatabase db, HttpClient proxy, string token, CancellationToken ct)
    {
        var auth = DevToken.Bearer(token);
        return await Eventually.LastAsync(async () =>
        {
            var differ = new List<string>();
            foreach (var pair in Pair.All)
            {
                var row = (await db.QueryAsync($"SELECT extract(epoch FROM timestamp)::bigint, open, high, low, close FROM {pair.TableName} ORDER BY timestamp DESC LIMIT 1",
                    r => (r.GetInt64(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4)))).Single();
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/indicators/{pair.Symbol}/{pair.Timeframe.Name()}?limit=1", UriKind.Relative));
                request.Headers.Authorization = auth;
                using var response = await proxy.SendAsync(request, ct);
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                var served = response.IsSuccessStatusCode ? body.RootElement.GetProperty("data").GetProperty("ohlc").EnumerateArray()
                    .Select(b => (b.GetProperty("time").GetInt64(), b.GetProperty("open").GetDouble(), b.GetProperty("high").GetDouble(), b.GetProperty("low").GetDouble(), b.GetProperty("close").GetDouble()))
                    .LastOrDefault() : default;
                if (served != row)
                {
                    differ.Add($"{pair.Key}: newest served {served}, stored {row}");
                }
            }

            return differ;
        }, d => d.Count == 0, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), ct);
    }

    public static void Print(IReadOnlyList<PhaseStats> phases, StreamClients streams, List<string>[] undelivered, List<string> newest, TextWriter output)
    {
        var steady = phases[0];
        var (p50, p99) = (steady.Latency(0.50), steady.Latency(0.99));
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"phase",-24} {"sent",7} {"failed",6} {"429",5} {"wrong",11} {"p50 ms",7} {"p99 ms",7} {"p50 x",6} {"p99 x",6} {"skipped",7} {"SSE holes",9} {"SSE max gap",11} {"warn+",6} {"NoActiv",7} served again"));
        foreach (var phase in phases)
        {
            var (q50, q99) = (phase.Latency(0.50), phase.Latency(0.99));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{phase.Name,-24} {phase.Sent,7} {phase.Failed,6} {phase.Limited,5} {$"{phase.Wrong.Count}/{phase.Compared}",11} {q50,7:0.0} {q99,7:0.0} {q50 / p50,6:0.00} {q99 / p99,6:0.00} {phase.Skipped,7} {$"{phase.StreamHoles}/{streams.Mirrors.Length}",9} {$"{phase.MaxStreamGap.TotalSeconds:0.0} s",11} {phase.Warnings,6} {phase.NoActivation,7} {(phase.AllServedAfter is { } t ? $"{t.TotalSeconds:0.0} s" : "-")}"));
        }

        output.WriteLine();
        foreach (var phase in phases)
        {
            foreach (var line in phase.Notes.Concat(phase.Stalls.Select(s => $"stall: {s}")).Concat(phase.Failures.Select(f => $"failed: {f}")).Concat(phase.Wrong.Take(5).Select(w => $"wrong: {w}")))
            {
                output.WriteLine($"  {phase.Name}: {line}");
            }
        }

        for (var k = 0; k < undelivered.Length; k++)
        {
            output.WriteLine($"  stream client {k}: {streams.Mirrors[k].Events} events, {streams.Mirrors[k].Reconnects} reconnect events, {streams.Followers[k].Connections.Count} connections, " +
                $"{streams.Mirrors[k].Breaches.Count} holes/repeats, {undelivered[k].Count} PostgreSQL bars missing or different{string.Concat(undelivered[k].Take(3).Select(d => $"; {d}"))}");
        }

        output.WriteLine($"  after the feed stopped: {newest.Count} of {Pair.All.Count} pairs serve a newest bar other than PostgreSQL's{string.Concat(newest.Take(3).Select(d => $"; {d}"))}");
        var graceful = phases.Where(p => GracefulPhases.Any(g => p.Name.StartsWith(g, StringComparison.Ordinal))).ToList();
        var kill = phases.Single(p => p.AllServedAfter is not null);
        var after = phases.SkipWhile(p => p != kill).ToList();
        var lost = undelivered.Count(u => u.Count > 0) + streams.Mirrors.Count(m => m.Breaches.Count > 0);
        var stalls = phases.Sum(p => p.Stalls.Count);
        var gracefulOk = graceful.All(p => p.Failed == 0 && p.Wrong.Count == 0);
        var killOk = kill.Failed == 0 && kill.Wrong.Count == 0 && kill.AllServedAfter <= TimeSpan.FromSeconds(10);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rolling: {phases.Sum(p => p.Sent)} requests ({phases.Sum(p => p.Skipped)} not sent: in-flight bound), {phases.Sum(p => p.Failed)} failed, {phases.Sum(p => p.Wrong.Count)} wrong of {phases.Sum(p => p.Compared)} sampled closed bars, {newest.Count} pairs' newest bar differs at the end; " +
            $"graceful/upgrade/scale {(gracefulOk ? "0 failed, 0 wrong (target met)" : "TARGET MISSED")}; " +
            $"SIGKILL: {kill.Failed} failed, every pair served again after {kill.AllServedAfter!.Value.TotalSeconds:0.0} s ({(killOk ? "target met" : "TARGET MISSED")}); " +
            $"streams: {lost} of {streams.Mirrors.Length} clients lost an event, {stalls} stalls > {StreamClients.StallAfter.TotalSeconds:0} s, max gap {phases.Max(p => p.MaxStreamGap).TotalSeconds:0.0} s; " +
            $"after the kill {after.Sum(p => p.Warnings)} warn+ lines, {after.Sum(p => p.NoActivation)} 'No activation for client'"));
    }
}
