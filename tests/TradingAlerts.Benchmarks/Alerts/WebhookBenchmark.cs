using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Benchmarks.Memory;
using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.Indicators.Synthetic;

namespace TradingAlerts.Benchmarks.Alerts;

/// <summary>
/// Webhook delivery end to end, in processes on a real PostgreSQL: a built silo ingesting a collector file (embedded
/// agent), the built alert engine (Release, beside this benchmark) POSTing to a receiver in this process.
/// (a) Throughput: the engine follows the pairs from an empty grid while N days of history land at once; alerts per
/// second accepted by the receiver, first to last. (b) Latency: live cycles written here (an M5 bar closes per symbol
/// about every second); for every alert of a bar, the time from the write of the cycle that closed it (the next bar's
/// first version) to the alert's arrival; p50, p99, max. (c) Delivery alone: every outbox row set pending again (as an
/// operator re-sends dead letters) and the backlog's rate to the receiver.
/// </summary>
internal static class WebhookBenchmark
{
    private const string Secret = "bench-webhook-secret";
    private static readonly string[] Symbols = ["EURUSD", "GBPUSD", "XAUUSD", "USDJPY", "BTCUSD"];
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(10);

    public static async Task RunAsync(string admin, int days, TimeSpan live, TextWriter output)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ta-webhook-{Guid.NewGuid():N}.db");
        var arrivals = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var resent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var target = arrivals;
        await using var receiver = await StartReceiverAsync(() => Volatile.Read(ref target));
        await using var db = await ThrowawayDatabase.CreateAsync("bench_hook", DatabaseContent.Schema, admin);
        var cluster = $"bench-hook-{Guid.NewGuid():N}";
        try
        {
            var writer = new CollectorWriter(file);
            var market = new SyntheticMarket(Symbols);
            var start = new DateTimeOffset(2022, 1, 4, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
            // The file exists (its tables) before the silo tails it: one forming bar each.
            foreach (var symbol in Symbols)
            {
                writer.Write(symbol, market.History(symbol, start, start + 300).Concat(market.Forming(symbol)).Select(b => b.ToRecord()));
            }

            using var silo = MeasuredSilo.Start("silo", db.ConnectionString, cluster, [$"--Ingest:SqlitePaths:0={file}"]);
            await Until("the silo to be ready", silo.ReadyAsync);
            using var engine = ChildProcess.Start("engine", "TradingAlerts.AlertEngine",
            [
                $"--ConnectionStrings:Postgres={db.ConnectionString}", $"--Orleans:ClusterId={cluster}",
                .. Symbols.Select((s, i) => $"--Alerts:Symbols:{i}={s}"),
                "--Alerts:Timeframes:0=M5", "--Alerts:Timeframes:1=M15", "--Alerts:Timeframes:2=H1",
                "--Alerts:ConfluenceThreshold=", $"--Alerts:Webhook:Url={receiver.Url}", $"--Alerts:Webhook:Secret={Secret}",
                "--Alerts:Webhook:PollInterval=00:00:00.200", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:TradingAlerts.AlertEngine.AlertWorker=Information",
            ], new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production" });
            await Until("the engine to start", () => Task.FromResult(engine.Matching("Alert engine watching").Count > 0 || engine.HasExited));
            if (engine.HasExited)
            {
                throw new InvalidOperationException(engine.Tail());
            }

            // (a) history at once
            var end = start + (days * 86_400L);
            foreach (var symbol in Symbols)
            {
                writer.Write(symbol, market.History(symbol, start + 300, end).Concat(market.Forming(symbol)).Select(b => b.ToRecord()));
            }

            var outbox = await Settle(db, arrivals);
            var times = arrivals.Values.Order().ToList();
            var seconds = times.Count > 1 ? TimeProvider.System.GetElapsedTime(times[0], times[^1]).TotalSeconds : 0;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"webhook throughput: {arrivals.Count:N0} alerts ({outbox:N0} in the outbox) from {days} days x {Symbols.Length} symbols x M5/M15/H1 accepted in {seconds:0.0} s: {arrivals.Count / Math.Max(seconds, 0.001):N0} alerts/s"));

            // (b) live: the cycle that first writes bar T+1 is where bar T closed
            var closedAt = new Dictionary<(string Pair, long Time), long>();
            var time = end;
            using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200)))
            {
                var stop = TimeProvider.System.GetTimestamp();
                while (TimeProvider.System.GetElapsedTime(stop) < live && await timer.WaitForNextTickAsync())
                {
                    var writtenAt = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), (time + 60) * 1000);
                    foreach (var symbol in Symbols)
                    {
                        var rows = market.Step(symbol, time, 60);
                        writer.Write(symbol, rows.Select(r => r.ToRecord()), writtenAt);
                        var at = TimeProvider.System.GetTimestamp();
                        foreach (var closed in rows.Where(r => r.IsClosed))
                        {
                            closedAt[($"{symbol}/{closed.Timeframe.Name()}", closed.Bar.Time)] = at;
                        }
                    }

                    time += 60;
                }
            }

            writer.Dispose();
            await Settle(db, arrivals);
            var latencies = arrivals
                .Select(a => (Key: Key(a.Key), At: a.Value))
                .Where(a => a.Key is { } k && closedAt.ContainsKey(k))
                .Select(a => TimeProvider.System.GetElapsedTime(closedAt[a.Key!.Value], a.At).TotalMilliseconds)
                .Order().ToList();
            output.WriteLine(latencies.Count == 0
                ? "webhook latency: no live alert"
                : string.Create(CultureInfo.InvariantCulture,
                    $"webhook latency, bar close (write of the next bar) to arrival: {latencies.Count} alerts over {live.TotalSeconds:0} s, p50 {Percentile(latencies, 0.50):0} ms, p99 {Percentile(latencies, 0.99):0} ms, max {latencies[^1]:0} ms"));

            // (c) the dispatcher alone, on a backlog
            Volatile.Write(ref target, resent);
            var backlog = await db.ScalarAsync<long>("WITH r AS (UPDATE alert_outbox SET status = 'pending', attempts = 0, next_attempt_at = now() RETURNING 1) SELECT count(*) FROM r");
            await Settle(db, resent);
            var sent = resent.Values.Order().ToList();
            var span = sent.Count > 1 ? TimeProvider.System.GetElapsedTime(sent[0], sent[^1]).TotalSeconds : 0;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"webhook delivery of a backlog: {sent.Count:N0} of {backlog:N0} alerts in {span:0.0} s: {sent.Count / Math.Max(span, 0.001):N0} alerts/s (Concurrency 8)"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
            {
                File.Delete(f);
            }
        }
    }

    /// <summary>(pair, bar time) of a bar alert id ("rule:SYMBOL/TF:time:…").</summary>
    private static (string, long)? Key(string id)
    {
        var parts = id.Split(':');
        return parts.Length >= 3 && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var time) ? (parts[1], time) : null;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>Waits until the outbox stops growing and everything in it arrived; returns the outbox size.</summary>
    private static async Task<long> Settle(ThrowawayDatabase db, ConcurrentDictionary<string, long> arrivals)
    {
        long last = -1;
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < Bound)
        {
            await Task.Delay(2_000);
            var rows = await db.ScalarAsync<long>("SELECT count(*) FROM alert_outbox");
            var pending = await db.ScalarAsync<long>("SELECT count(*) FROM alert_outbox WHERE status = 'pending'");
            if (rows == last && pending == 0 && arrivals.Count >= rows)
            {
                return rows;
            }

            last = rows;
        }

        throw new TimeoutException($"the outbox did not settle within {Bound}");
    }

    private static async Task Until(string what, Func<Task<bool>> condition)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > Bound)
            {
                throw new TimeoutException($"waited {Bound} for {what}");
            }

            await Task.Delay(250);
        }
    }

    private static async Task<Receiver> StartReceiverAsync(Func<ConcurrentDictionary<string, long>> arrivals)
    {
        var port = TestEnvironment.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPost("/hook", async (HttpContext context) =>
        {
            var at = TimeProvider.System.GetTimestamp();
            using var doc = await JsonDocument.ParseAsync(context.Request.Body);
            arrivals().TryAdd(doc.RootElement.GetProperty("id").GetString()!, at);
            return Results.Ok();
        });
        await app.StartAsync();
        return new Receiver(app, $"http://127.0.0.1:{port}/hook");
    }

    private sealed record Receiver(WebApplication App, string Url) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }
}
