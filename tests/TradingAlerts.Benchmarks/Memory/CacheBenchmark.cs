using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Benchmarks.Memory;

/// <summary>
/// One caller cycling <c>limit</c>: a built silo process on a real PostgreSQL holding N days of all 135 pairs (the
/// cold-start benchmark's data) is sent distinct <c>limit</c> values 1..N (shuffled, spread over every pair), and its
/// resident memory is read from /proc before, during and after, with the response cache's own accounting from its
/// metrics. Target: resident growth at rest ≤ the cache's configured budget.
/// </summary>
internal static partial class CacheBenchmark
{
    private const int Concurrency = 4;

    /// <param name="keep">A collector file to reuse when it exists (else written there and kept).</param>
    /// <param name="encoding">An Accept-Encoding the requests carry (e.g. <c>br</c>), or null for none, as curl sends.</param>
    public static async Task RunAsync(string admin, int days, string? keep, int requests, string? encoding, IReadOnlyDictionary<string, string> siloEnvironment, TextWriter output)
    {
        var file = keep ?? Path.Combine(Path.GetTempPath(), $"ta-cache-{Guid.NewGuid():N}.db");
        try
        {
            var rows = keep is not null && File.Exists(keep) ? ColdStartBenchmark.Count(file) : ColdStartBenchmark.WriteHistory(file, days, output);
            await using var db = await ThrowawayDatabase.CreateAsync("bench_cache", DatabaseContent.Schema, admin);
            await ColdStartBenchmark.IngestAsync(db, file, rows, output);
            var newest = await ColdStartBenchmark.NewestAsync(db);
            await MeasureAsync(db, newest, requests, encoding, siloEnvironment, output);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm", file + CollectorFile.Sqlite.CollectorQuarantine.Suffix }.Where(f => File.Exists(f) && keep is null))
            {
                File.Delete(f);
            }
        }
    }

    private static async Task MeasureAsync(ThrowawayDatabase db, Dictionary<Pair, long> newest, int requests, string? encoding, IReadOnlyDictionary<string, string> siloEnvironment, TextWriter output)
    {
        using var silo = MeasuredSilo.Start("cache", db.ConnectionString, ColdStartBenchmark.Cluster(), [], siloEnvironment);
        var watch = Stopwatch.StartNew();
        while (!await silo.ReadyAsync())
        {
            ColdStartBenchmark.Ensure(silo, watch);
            await Task.Delay(100);
        }

        // Multi-megabyte answers on a loaded machine take longer than the silo client's 5 s.
        using var http = new HttpClient { BaseAddress = silo.Http.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = silo.Http.DefaultRequestHeaders.Authorization;
        if (encoding is not null)
        {
            http.DefaultRequestHeaders.AcceptEncoding.ParseAdd(encoding);
        }

        await ColdStartBenchmark.AllServedAsync([silo], newest, watch);
        var before = await ColdStartBenchmark.SettleAsync(silo);
        var cacheBefore = Cache(await silo.MetricsAsync());

        // Every limit once, in an order unrelated to the pair it goes to, so no pair sees its limits in sequence.
        var limits = Enumerable.Range(1, requests).ToArray();
        new Random(24).Shuffle(limits);
        var statuses = new Dictionary<HttpStatusCode, int>();
        long bytes = 0;
        var next = -1;
        var sent = Stopwatch.StartNew();
        using (var sampling = ColdStartBenchmark.Sampling(silo))
        {
            await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
            {
                for (var i = Interlocked.Increment(ref next); i < limits.Length; i = Interlocked.Increment(ref next))
                {
                    var pair = Pair.All[i % Pair.All.Count];
                    using var response = await http.GetAsync(new Uri($"/api/indicators/{pair.Symbol}/{pair.Timeframe.Name()}?limit={limits[i]}", UriKind.Relative));
                    var body = await response.Content.ReadAsByteArrayAsync();
                    lock (statuses)
                    {
                        statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
                        bytes += body.Length;
                    }
                }
            })));
            await sampling.CancelAsync();
        }

        var elapsed = sent.Elapsed;
        var after = silo.Sample();
        var cacheAfter = Cache(await silo.MetricsAsync());
        var rest = await ColdStartBenchmark.SettleAsync(silo);
        var budget = cacheAfter.GetValueOrDefault("budget_bytes");
        var growth = rest - before;
        output.WriteLine($"cache: {requests:N0} distinct limits over {Pair.All.Count} pairs (PRO, {Concurrency} at a time, Accept-Encoding: {encoding ?? "none"}) " +
            $"in {elapsed.TotalSeconds:0.0} s, {Statuses(statuses)}, {bytes / 1_048_576.0:0} MB received");
        output.WriteLine($"  resident: before {Mb(before)} MB, right after {Mb(after)} MB, peak {Mb(silo.PeakRss)} MB, at rest {Mb(rest)} MB; growth at rest {Mb(growth)} MB" +
            (budget > 0 ? $" = {growth / budget:0.00} of the budget ({Mb((long)budget)} MB; target <= 1)" : " (the silo reports no cache budget)"));
        output.WriteLine(!cacheAfter.ContainsKey("held_bytes")
            ? "  cache accounting: not reported by this silo"
            : $"  cache accounting: held {Mb((long)cacheAfter.GetValueOrDefault("held_bytes"))} MB in {cacheAfter.GetValueOrDefault("entries"):0} entries " +
              $"({cacheAfter.GetValueOrDefault("held_bytes") / Math.Max(1, budget):0.00} of the budget), before the requests {Mb((long)cacheBefore.GetValueOrDefault("held_bytes"))} MB; " +
              $"evictions {cacheAfter.GetValueOrDefault("evictions_total") - cacheBefore.GetValueOrDefault("evictions_total"):0}");
    }

    /// <summary>The response cache's series (name after <c>tradingalerts_api_response_cache_</c> → value, summed over tags).</summary>
    private static Dictionary<string, double> Cache(string prometheus)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match m in CacheSeries().Matches(prometheus))
        {
            var name = m.Groups[1].Value;
            values[name] = values.GetValueOrDefault(name) + double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        }

        return values;
    }

    private static string Statuses(Dictionary<HttpStatusCode, int> statuses) =>
        string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value:N0} × {(int)s.Key}"));

    private static string Mb(long bytes) => ColdStartBenchmark.Mb(bytes);

    [GeneratedRegex(@"^tradingalerts_api_response_cache_(\w+?)(?:\{[^}]*\})? ([0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex CacheSeries();
}
