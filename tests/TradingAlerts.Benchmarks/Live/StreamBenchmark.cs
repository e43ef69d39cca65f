using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Benchmarks.Memory;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.Benchmarks.Live;

/// <summary>
/// The multiplexed stream on one built silo process (PostgreSQL, its ingest agent tailing a collector file this
/// benchmark writes): delivery latency from the collector write to the SSE client, p50/p99, with 1 and with 1,000
/// concurrent streams, against the baseline of the same writes seen by a client polling GET every 2 ms (how soon the
/// grain holds a write: what a push cannot beat); and catch-up after a reconnect with Last-Event-ID, in bar versions
/// per second, from the grain's memory (fewer changes than its change log holds) and from PostgreSQL (far more).
/// </summary>
internal static class StreamBenchmark
{
    private const double Base = 1.1;

    public static async Task RunAsync(string admin, TextWriter output)
    {
        await using var db = await ThrowawayDatabase.CreateAsync("bench_stream", DatabaseContent.Schema, admin);
        var file = Path.Combine(Path.GetTempPath(), $"ta-stream-{Guid.NewGuid():N}.db");
        using (new CollectorWriter(file))
        {
        }

        try
        {
            using var silo = MeasuredSilo.Start("stream-silo", db.ConnectionString, $"bench-stream-{Guid.NewGuid():N}",
                [$"--Ingest:SqlitePaths:0={file}", "--Live:MaxStreamsPerCaller=2000", "--Live:HeartbeatInterval=00:00:05"]);
            await Eventually.UntilAsync("the silo to be ready", silo.ReadyAsync, TimeSpan.FromSeconds(180), TimeSpan.FromMilliseconds(250));
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 5_000 })
            {
                BaseAddress = silo.Http.BaseAddress,
                Timeout = Timeout.InfiniteTimeSpan,
            };
            http.DefaultRequestHeaders.Authorization = silo.Http.DefaultRequestHeaders.Authorization;
            using var writer = new CollectorWriter(file);
            var time = Timeframe.M5.BucketStart(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            // Unmeasured warm-up (JIT, connection pools, the agent's first reads), as BenchmarkDotNet warms up.
            await LatencyAsync(http, writer, streams: 1, writes: 200, every: TimeSpan.FromMilliseconds(20), time, run: 2, TextWriter.Null);
            await LatencyAsync(http, writer, streams: 1, writes: 500, every: TimeSpan.FromMilliseconds(20), time, run: 0, output, pollBaseline: true);
            await LatencyAsync(http, writer, streams: 1_000, writes: 300, every: TimeSpan.FromMilliseconds(50), time, run: 1, output);
            await CatchUpAsync(http, writer, output);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
            {
                File.Delete(f);
            }
        }
    }

    /// <summary>Rewrites the forming EURUSD M5 bar (its close encodes the write's number) and times each write to every stream.</summary>
    private static async Task LatencyAsync(HttpClient http, CollectorWriter writer, int streams, int writes, TimeSpan every, long time, int run, TextWriter output, bool pollBaseline = false)
    {
        var offset = run * 100_000;
        var polled = new ConcurrentQueue<(int Write, long At)>();
        var arrivals = Enumerable.Range(0, streams).Select(_ => new ConcurrentQueue<(int Write, long At)>()).ToArray();
        using var stop = new CancellationTokenSource();
        var opened = new CountdownEvent(streams);
        var readers = Enumerable.Range(0, streams).Select(s => Task.Run(async () =>
        {
            await foreach (var item in Read(http, "/api/stream?pairs=EURUSD/M5", null, opened, stop.Token))
            {
                var at = Stopwatch.GetTimestamp();
                foreach (var close in Closes(item.Data))
                {
                    arrivals[s].Enqueue(((int)Math.Round((close - Base) * 1e6) - offset, at));
                }
            }
        })).ToArray();
        if (!opened.Wait(TimeSpan.FromSeconds(120)))
        {
            output.WriteLine($"latency with {streams} streams: only {streams - opened.CurrentCount} opened");
        }

        var poller = pollBaseline ? Task.Run(() => PollAsync(http, offset, polled, stop.Token)) : Task.CompletedTask;
        var writtenAt = new long[writes];
        var writeTimes = new double[writes];
        for (var i = 0; i < writes; i++)
        {
            var close = Base + ((offset + i) / 1e6);
            writtenAt[i] = Stopwatch.GetTimestamp();
            writer.Write("EURUSD", [new BarRecord(Timeframe.M5, time, Base, close + 0.01, Base - 0.01, close, IndicatorValues.None, 0, 0)]);
            writeTimes[i] = Stopwatch.GetElapsedTime(writtenAt[i]).TotalMilliseconds;
            await Task.Delay(every);
        }

        await Eventually.LastAsync(() => Task.FromResult(arrivals.All(a => a.Any(x => x.Write >= writes - 1))), all => all, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100));
        await stop.CancelAsync();
        await Task.WhenAll(readers.Append(poller).Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));

        var sorted = arrivals.SelectMany(a => Latencies(a, writtenAt)).Order().ToArray();
        var writing = writeTimes.Order().ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"delivery latency (collector write -> SSE client), {streams} stream(s), {writes} writes {every.TotalMilliseconds:0} ms apart: p50 {Percentile(sorted, 0.5):0.0} ms, p99 {Percentile(sorted, 0.99):0.0} ms, max {(sorted.Length > 0 ? sorted[^1] : double.NaN):0.0} ms over {sorted.Length} deliveries of {streams * writes} (the collector's own write, included: p99 {Percentile(writing, 0.99):0.0} ms, max {writing[^1]:0.0} ms)"));
        if (pollBaseline)
        {
            var baseline = Latencies(polled, writtenAt).Order().ToArray();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"baseline, the same writes seen by GET polled every 2 ms: p50 {Percentile(baseline, 0.5):0.0} ms, p99 {Percentile(baseline, 0.99):0.0} ms over {baseline.Length} writes; stream/poll ratio p50 {Percentile(sorted, 0.5) / Percentile(baseline, 0.5):0.00}, p99 {Percentile(sorted, 0.99) / Percentile(baseline, 0.99):0.00}"));
        }
    }

    /// <summary>
    /// Per write, the time to the first arrival carrying it or a later version (the agent reads only the newest version
    /// of a bar rewritten several times between two of its reads); writes never seen are left out.
    /// </summary>
    private static IEnumerable<double> Latencies(IEnumerable<(int Write, long At)> arrivals, long[] writtenAt)
    {
        var seen = arrivals.Where(a => a.Write >= 0 && a.Write < writtenAt.Length).OrderBy(a => a.At).ToArray();
        var at = 0;
        var best = -1;
        for (var i = 0; i < writtenAt.Length; i++)
        {
            while (best < i && at < seen.Length)
            {
                best = Math.Max(best, seen[at].Write);
                at++;
            }

            if (best >= i)
            {
                yield return Stopwatch.GetElapsedTime(writtenAt[i], seen[at - 1].At).TotalMilliseconds;
            }
        }
    }

    /// <summary>The baseline: the newest EURUSD M5 bar asked for by GET every 2 ms, each close seen noted with its time.</summary>
    private static async Task PollAsync(HttpClient http, int offset, ConcurrentQueue<(int Write, long At)> polled, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var body = await http.GetStringAsync(new Uri("/api/indicators/EURUSD/M5?limit=1", UriKind.Relative), cancellationToken);
                var at = Stopwatch.GetTimestamp();
                foreach (var close in Closes(body))
                {
                    polled.Enqueue(((int)Math.Round((close - Base) * 1e6) - offset, at));
                }

                await Task.Delay(TimeSpan.FromMilliseconds(2), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Versions replayed per second after a reconnect with Last-Event-ID: from memory, then from PostgreSQL.</summary>
    private static async Task CatchUpAsync(HttpClient http, CollectorWriter writer, TextWriter output)
    {
        const string Url = "/api/stream?pairs=GBPUSD/M5";
        var start = new DateTimeOffset(2022, 1, 4, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var next = 0;
        void Write(int count)
        {
            for (var written = 0; written < count; written += 1_000)
            {
                var rows = Enumerable.Range(next + written, Math.Min(1_000, count - written)).Select(i =>
                    new BarRecord(Timeframe.M5, start + (i * 300L), 1.3, 1.31, 1.29, 1.3 + (i % 1000 / 1e5), IndicatorValues.None, 0, 0)).ToArray();
                writer.Write("GBPUSD", rows);
            }

            next += count;
        }

        Write(1);
        // A stream that stays connected tells when the grid has the written bars, and at which position.
        var watch = new Follower();
        using var stopWatch = new CancellationTokenSource();
        var watching = Task.Run(() => watch.FollowAsync(http, Url, null, stopWatch.Token));
        await Eventually.UntilAsync("the first GBPUSD bar", () => watch.NewestTime >= start, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(20));

        foreach (var (label, changes, rounds) in new[] { ("memory", 100, 20), ("PostgreSQL", 20_000, 1) })
        {
            long versions = 0, events = 0;
            var elapsed = TimeSpan.Zero;
            for (var round = 0; round < rounds; round++)
            {
                var id = watch.LastEventId!;
                Write(changes);
                var newest = start + ((next - 1) * 300L);
                await Eventually.UntilAsync("the grid to hold the written bars", () => watch.NewestTime >= newest, TimeSpan.FromSeconds(300), TimeSpan.FromMilliseconds(20));
                var target = watch.Position;
                var resumed = new Follower();
                using var stop = new CancellationTokenSource();
                var began = Stopwatch.GetTimestamp();
                var following = Task.Run(() => resumed.FollowAsync(http, Url, id, stop.Token));
                await Eventually.UntilAsync("the resumed stream to catch up", () => resumed.Position >= target, TimeSpan.FromSeconds(300), TimeSpan.FromMilliseconds(1));
                elapsed += Stopwatch.GetElapsedTime(began);
                versions += resumed.Versions;
                events += resumed.Events;
                if (resumed.Resets > 0)
                {
                    output.WriteLine($"catch-up from {label}: {resumed.Resets} reset(s) instead of changes");
                }

                await stop.CancelAsync();
                await following.ContinueWith(_ => { }, TaskScheduler.Default);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"catch-up from {label}: {versions:N0} versions in {events:N0} events over {rounds} reconnect(s) in {elapsed.TotalMilliseconds:0} ms = {versions / elapsed.TotalSeconds:N0} versions/s (first byte included)"));
        }

        await stopWatch.CancelAsync();
        await watching.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static async IAsyncEnumerable<SseItem<string>> Read(HttpClient http, string url, string? lastEventId, CountdownEvent? opened, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var first = true;
        await foreach (var item in SseParser.Create(body).EnumerateAsync(cancellationToken))
        {
            if (first && item.EventType == "bar")
            {
                first = false;
                opened?.Signal();
                continue; // the initial state, written before the measurement
            }

            if (item.EventType is "bar" or "reset")
            {
                yield return item;
            }
        }
    }

    /// <summary>The closes of a bar event's ohlc, found without a full parse (1,000 readers share two cores with the silo).</summary>
    private static IEnumerable<double> Closes(string data)
    {
        for (var at = data.IndexOf("\"close\":", StringComparison.Ordinal); at >= 0; at = data.IndexOf("\"close\":", at + 8, StringComparison.Ordinal))
        {
            var from = at + 8;
            var to = data.IndexOfAny([',', '}'], from);
            if (double.TryParse(data.AsSpan(from, to - from), NumberStyles.Float, CultureInfo.InvariantCulture, out var close))
            {
                yield return close;
            }
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(sorted.Length * p) - 1)];

    /// <summary>A stream's position, newest bar and id, as a consumer applying its events would hold them.</summary>
    private sealed class Follower
    {
        private long _position = -1;
        private long _newest = -1;

        public long Position => Interlocked.Read(ref _position);

        public long NewestTime => Interlocked.Read(ref _newest);

        public string? LastEventId { get; private set; }

        public long Versions { get; private set; }

        public long Events { get; private set; }

        public int Resets { get; private set; }

        public async Task FollowAsync(HttpClient http, string url, string? lastEventId, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            if (lastEventId is not null)
            {
                request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await foreach (var item in SseParser.Create(body).EnumerateAsync(cancellationToken))
            {
                if (item.EventType is not ("bar" or "reset"))
                {
                    continue;
                }

                using var json = JsonDocument.Parse(item.Data);
                var ohlc = json.RootElement.GetProperty("data").GetProperty("ohlc");
                Versions += ohlc.GetArrayLength();
                Events++;
                Resets += item.EventType == "reset" ? 1 : 0;
                foreach (var bar in ohlc.EnumerateArray())
                {
                    var time = bar.GetProperty("time").GetInt64();
                    if (time > NewestTime)
                    {
                        Interlocked.Exchange(ref _newest, time);
                    }
                }

                LastEventId = item.EventId;
                Interlocked.Exchange(ref _position, json.RootElement.GetProperty("position").GetInt64());
            }
        }
    }
}
