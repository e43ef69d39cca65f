using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.Feeds;
using TradingAlerts.Indicators.Synthetic;

namespace TradingAlerts.Benchmarks.Memory;

/// <summary>
/// The grid at realistic history, in built silo processes on a real PostgreSQL (the real store path, nothing
/// stubbed): (c) resident memory of one silo ingesting N days of all 135 pairs from a collector file, (a) a fresh
/// silo's cold start on those rows: time to health, time until every pair is served over HTTP, resident memory,
/// (b) failover: three silos, kill -9 of the one with the most activations, time until every pair is served again.
/// </summary>
internal static class ColdStartBenchmark
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(20);
    private static IReadOnlyDictionary<string, string> s_environment = new Dictionary<string, string>();

    /// <param name="keep">A collector file to reuse when it exists (else written there and kept), for runs that compare settings.</param>
    /// <param name="siloEnvironment">Environment of every silo process (e.g. DOTNET_gcServer=0 to compare GC settings).</param>
    public static async Task RunAsync(string admin, int days, string parts, string? keep, IReadOnlyDictionary<string, string> siloEnvironment, TextWriter output)
    {
        s_environment = siloEnvironment;
        var file = keep ?? Path.Combine(Path.GetTempPath(), $"ta-coldstart-{Guid.NewGuid():N}.db");
        try
        {
            var rows = keep is not null && File.Exists(keep) ? Count(file) : WriteHistory(file, days, output);
            if (siloEnvironment.Count > 0)
            {
                output.WriteLine($"silo environment: {string.Join(" ", siloEnvironment.Select(e => $"{e.Key}={e.Value}"))}");
            }

            await using var db = await ThrowawayDatabase.CreateAsync("bench_cold", DatabaseContent.Schema, admin);
            await IngestAsync(db, file, rows, output);
            var newest = await NewestAsync(db);
            output.WriteLine($"postgres: {await db.ScalarAsync<string>($"SELECT pg_size_pretty(pg_database_size('{db.Name}'))")} for {rows:N0} rows");
            if (parts.Contains("coldstart", StringComparison.Ordinal))
            {
                await ColdStartAsync(db, newest, output);
            }

            if (parts.Contains("failover", StringComparison.Ordinal))
            {
                await FailoverAsync(db, newest, output);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm", file + CollectorQuarantine.Suffix }.Where(f => File.Exists(f) && keep is null))
            {
                File.Delete(f);
            }
        }
    }

    /// <summary>The collector file <c>backfill --symbols all --days N</c> writes; returns its row count.</summary>
    internal static long WriteHistory(string file, int days, TextWriter output)
    {
        using (var writer = new CollectorWriter(file))
        {
            var feed = new SyntheticFeed(writer, new SyntheticMarket(Symbols.All));
            var stats = feed.WriteHistory(feed.Now - (days * 86_400L), feed.Now);
            output.WriteLine($"collector file: {days} days of all {Pair.All.Count} pairs, {stats.RowsWritten:N0} rows written, {new FileInfo(file).Length / 1_048_576.0:0} MB");
        }

        return Count(file);
    }

    internal static long Count(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT " + string.Join(" + ", Symbols.All.Select(s => $"(SELECT count(*) FROM {s})"));
        return (long)count.ExecuteScalar()!;
    }

    /// <summary>(c) One silo ingests the file: resident memory sampled until PostgreSQL holds every row, then at rest.</summary>
    internal static async Task IngestAsync(ThrowawayDatabase db, string file, long rows, TextWriter output)
    {
        using var silo = MeasuredSilo.Start("ingest", db.ConnectionString, Cluster(), [$"--Ingest:SqlitePaths:0={file}"], s_environment);
        var watch = Stopwatch.StartNew();
        var count = Pair.All.Select(p => $"(SELECT count(*) FROM {p.TableName})");
        var sql = "SELECT " + string.Join(" + ", count);
        long stored = 0;
        while (stored < rows)
        {
            Ensure(silo, watch);
            for (var i = 0; i < 8; i++)
            {
                silo.Sample();
                await Task.Delay(250);
            }

            stored = await db.ScalarAsync<long>(sql);
        }

        var ingested = watch.Elapsed;
        var peak = silo.PeakRss;
        var rest = await SettleAsync(silo);
        output.WriteLine(($"ingest: {rows:N0} rows in {ingested.TotalSeconds:0.0} s ({rows / ingested.TotalSeconds:N0} rows/s); " +
            $"resident peak {Mb(peak)} MB, at rest {Mb(rest)} MB ({Settle.TotalSeconds:0} s after the last row)"));
    }

    /// <summary>(a) A fresh silo on the stored rows: start → health → every pair served; resident peak and at rest.</summary>
    private static async Task ColdStartAsync(ThrowawayDatabase db, Dictionary<Pair, long> newest, TextWriter output)
    {
        using var silo = MeasuredSilo.Start("cold", db.ConnectionString, Cluster(), [], s_environment);
        var watch = Stopwatch.StartNew();
        using var sampling = Sampling(silo);
        while (!await silo.ReadyAsync())
        {
            Ensure(silo, watch);
            await Task.Delay(100);
        }

        var health = watch.Elapsed;
        var (served, slowest) = await AllServedAsync([silo], newest, watch);
        await sampling.CancelAsync();
        var rest = await SettleAsync(silo);
        output.WriteLine(($"cold start: health after {health.TotalSeconds:0.0} s, all {newest.Count} pairs served after {served.TotalSeconds:0.0} s " +
            $"({(served - health).TotalSeconds:0.0} s after health; slowest first answer {slowest.TotalSeconds:0.0} s); resident peak {Mb(silo.PeakRss)} MB, at rest {Mb(rest)} MB"));
    }

    /// <summary>(b) Three silos serve every pair; the one with the most activations is killed with SIGKILL.</summary>
    private static async Task FailoverAsync(ThrowawayDatabase db, Dictionary<Pair, long> newest, TextWriter output)
    {
        var cluster = Cluster();
        var silos = Enumerable.Range(1, 3).Select(i => MeasuredSilo.Start($"silo{i}", db.ConnectionString, cluster, [], s_environment)).ToList();
        try
        {
            var watch = Stopwatch.StartNew();
            foreach (var silo in silos)
            {
                while (!await silo.ReadyAsync())
                {
                    Ensure(silo, watch);
                    await Task.Delay(200);
                }
            }

            await AllServedAsync(silos, newest, watch);
            var activations = new Dictionary<MeasuredSilo, int>();
            foreach (var silo in silos)
            {
                activations[silo] = await silo.ActivationsAsync();
            }

            var victim = activations.MaxBy(a => a.Value).Key;
            var resident = string.Join(", ", silos.Select(s => $"{s.Name} {activations[s]} activations {Mb(s.Sample())} MB"));
            var killed = Stopwatch.StartNew();
            victim.Kill();
            var survivors = silos.Where(s => s != victim).ToList();
            var (served, _) = await AllServedAsync(survivors, newest, killed);
            output.WriteLine(($"failover: {resident}; killed {victim.Name} (SIGKILL): every pair served again after {served.TotalSeconds:0.0} s; " +
                $"survivors resident {string.Join(", ", survivors.Select(s => $"{Mb(s.Sample())} MB"))}"));
        }
        finally
        {
            foreach (var silo in silos)
            {
                silo.Dispose();
            }
        }
    }

    /// <summary>
    /// Asks for every pending pair at once (round-robin over the silos) until each answers with at least its newest
    /// stored bar; returns when the last was served and the slowest single answer.
    /// </summary>
    internal static async Task<(TimeSpan Served, TimeSpan Slowest)> AllServedAsync(List<MeasuredSilo> silos, Dictionary<Pair, long> newest, Stopwatch watch)
    {
        var pending = newest.Keys.ToList();
        var slowest = TimeSpan.Zero;
        var round = 0;
        while (pending.Count > 0)
        {
            if (watch.Elapsed > Bound)
            {
                throw new TimeoutException($"{pending.Count} pairs not served after {Bound}: {string.Join(", ", pending.Take(10).Select(p => p.Key))}{Environment.NewLine}{string.Join(Environment.NewLine, silos.Select(s => s.Tail()))}");
            }

            var answers = await Task.WhenAll(pending.Select(async (pair, i) =>
            {
                var asked = Stopwatch.StartNew();
                var ok = await ServedAsync(silos[(round + i) % silos.Count], pair, newest[pair]);
                return (pair, ok, asked.Elapsed);
            }));
            round++;
            foreach (var (pair, ok, took) in answers.Where(a => a.ok))
            {
                pending.Remove(pair);
                slowest = took > slowest ? took : slowest;
            }

            if (pending.Count > 0)
            {
                await Task.Delay(100);
            }
        }

        return (watch.Elapsed, slowest);
    }

    private static async Task<bool> ServedAsync(MeasuredSilo silo, Pair pair, long newest)
    {
        try
        {
            using var response = await silo.Http.GetAsync(new Uri($"/api/indicators/{pair.Symbol}/{pair.Timeframe.Name()}?limit=10", UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            var ohlc = body.RootElement.GetProperty("data").GetProperty("ohlc");
            return ohlc.GetArrayLength() > 0 && ohlc[ohlc.GetArrayLength() - 1].GetProperty("time").GetInt64() >= newest;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    internal static async Task<Dictionary<Pair, long>> NewestAsync(ThrowawayDatabase db)
    {
        var newest = new Dictionary<Pair, long>();
        foreach (var pair in Pair.All)
        {
            newest[pair] = await db.ScalarAsync<long>($"SELECT coalesce(extract(epoch FROM max(timestamp))::bigint, 0) FROM {pair.TableName}");
        }

        return newest;
    }

    /// <summary>Samples resident memory every 100 ms until cancelled (peaks between the explicit samples).</summary>
    internal static CancellationTokenSource Sampling(MeasuredSilo silo)
    {
        var stop = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && !silo.HasExited)
            {
                silo.Sample();
                await Task.Delay(100, CancellationToken.None);
            }
        });
        return stop;
    }

    /// <summary>Resident memory after <see cref="Settle"/> with nothing asked of the silo (the median of the last samples).</summary>
    internal static async Task<long> SettleAsync(MeasuredSilo silo)
    {
        var samples = new List<long>();
        for (var t = TimeSpan.Zero; t < Settle; t += TimeSpan.FromMilliseconds(500))
        {
            samples.Add(silo.Sample());
            await Task.Delay(500);
        }

        if (await silo.CountersAsync() is { Length: > 0 } counters)
        {
            Console.WriteLine($"  {silo.Name} counters at rest: {counters}");
        }

        return samples.TakeLast(6).Order().ElementAt(3);
    }

    internal static void Ensure(MeasuredSilo silo, Stopwatch watch)
    {
        if (silo.HasExited || watch.Elapsed > Bound)
        {
            throw new InvalidOperationException($"{silo.Name} exited or stalled{Environment.NewLine}{silo.Tail()}");
        }
    }

    internal static string Cluster() => $"bench-{Guid.NewGuid():N}";

    internal static string Mb(long bytes) => (bytes / 1_048_576.0).ToString("0", CultureInfo.InvariantCulture);
}
