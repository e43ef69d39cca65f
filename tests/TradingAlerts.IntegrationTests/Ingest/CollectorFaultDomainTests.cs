using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.IntegrationTests.Api;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Ingest;

/// <summary>
/// Each collector file is its own fault domain, and /api/health/sqlite tells the truth about it within seconds: a file
/// locked by another process is <c>blocked</c> while the other files' rows keep arriving; a truncated or overwritten file
/// is <c>corrupt</c> with its reason; files with disjoint symbols are healthy; a file restored in place is read again.
/// Real silo on PostgreSQL on real Kestrel ports (details on the admin port), real agent, real SQLite files, live writers.
/// </summary>
public sealed class CollectorFaultDomainTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly List<TempCollectorFile> _files = [];

    [Fact]
    public async Task A_file_locked_by_another_process_is_blocked_and_the_other_files_rows_keep_arriving()
    {
        var (a, b) = (NewFile(), NewFile());
        await using var writerA = new LiveCollectorWriter(a.Path, "EURUSD", "GBPUSD", "USDJPY", "AUDUSD", "USDCAD");
        await using var writerB = new LiveCollectorWriter(b.Path, "BTCUSD", "XAUUSD", "ETHUSD");
        await using var db = await Database();
        await using var silo = KestrelSilo.Start(Settings(db, a.Path, b.Path));
        var btcusd = silo.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ISymbolGrain>("BTCUSD");
        await CaughtUp(btcusd, b.Path, "BTCUSD", TimeSpan.FromSeconds(120));
        await FileStatus(silo.Admin, a.Path, "ok");

        var locked = TimeProvider.System.GetTimestamp();
        using (ForeignLock.Hold(a.Path))
        {
            // The locked file reads blocked, with the reason, within seconds; the other stays ok.
            var blocked = await FileStatus(silo.Admin, a.Path, "blocked", TimeSpan.FromSeconds(25));
            Assert.Contains("is blocked: another process holds its WAL read locks", blocked.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Equal("ok", Source(await Body(silo.Admin), b.Path).GetProperty("status").GetString());
            var (status, body) = await HealthApiTests.Get(silo.Public, "/api/health/sqlite");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal(1, body.GetProperty("summary").GetProperty("blocked").GetInt32());
            Assert.Equal(1, body.GetProperty("summary").GetProperty("ok").GetInt32());
            Assert.Equal(["blocked", "ok"], Statuses(body, await Body(silo.Admin), a.Path, b.Path));

            // For the rest of the 30 s lock, the other file's newest rows reach the grain as fast as usual.
            while (TimeProvider.System.GetElapsedTime(locked) < TimeSpan.FromSeconds(30))
            {
                await CaughtUp(btcusd, b.Path, "BTCUSD", TimeSpan.FromSeconds(5));
                await Task.Delay(TimeSpan.FromSeconds(1), Ct);
            }
        }

        // Released: the file is read again.
        await FileStatus(silo.Admin, a.Path, "ok", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_truncated_file_and_a_file_with_garbage_in_its_middle_are_corrupt_with_the_reason_and_the_other_file_goes_on()
    {
        var (truncated, garbage, healthy) = (NewFile(), NewFile(), NewFile());
        truncated.WriteHistory(3, "EURUSD");
        garbage.WriteHistory(3, "GBPUSD");
        await using var writer = new LiveCollectorWriter(healthy.Path, "XAUUSD");
        await using var db = await Database();
        await using var silo = KestrelSilo.Start(Settings(db, truncated.Path, garbage.Path, healthy.Path));
        var xauusd = silo.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ISymbolGrain>("XAUUSD");
        await CollectorParity.WaitForEqualAsync(db, truncated.Path, ["EURUSD"]);
        await CollectorParity.WaitForEqualAsync(db, garbage.Path, ["GBPUSD"]);
        await FileStatus(silo.Admin, truncated.Path, "ok");
        await FileStatus(silo.Admin, garbage.Path, "ok");

        var length = new FileInfo(truncated.Path).Length;
        Assert.True(length > 256 * 1024, $"the file is large enough to damage in the middle ({length} bytes)");
        using (var file = new FileStream(truncated.Path, FileMode.Open, FileAccess.Write))
        {
            file.SetLength(length / 2);
        }

        var noise = new byte[64 * 1024];
        new Random(24).NextBytes(noise);
        using (var file = new FileStream(garbage.Path, FileMode.Open, FileAccess.Write))
        {
            file.Position = new FileInfo(garbage.Path).Length / 2;
            file.Write(noise);
        }

        foreach (var damaged in new[] { truncated, garbage })
        {
            var source = await FileStatus(silo.Admin, damaged.Path, "corrupt", TimeSpan.FromSeconds(45));
            var reason = source.GetProperty("reason").GetString()!;
            Assert.True(reason.Contains("quick_check", StringComparison.Ordinal) || reason.Contains("corrupt", StringComparison.Ordinal)
                || reason.Contains("malformed", StringComparison.Ordinal), reason);
        }

        var body = await Body(silo.Admin);
        Assert.Equal("ok", Source(body, healthy.Path).GetProperty("status").GetString());
        var (status, counts) = await HealthApiTests.Get(silo.Public, "/api/health/sqlite");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(2, counts.GetProperty("summary").GetProperty("corrupt").GetInt32());
        Assert.Equal(1, counts.GetProperty("summary").GetProperty("ok").GetInt32());
        await CaughtUp(xauusd, healthy.Path, "XAUUSD", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Two_files_with_disjoint_symbols_are_healthy()
    {
        var (a, b) = (NewFile(), NewFile());
        a.WriteHistory(1, "EURUSD", "GBPUSD");
        b.WriteHistory(1, "BTCUSD", "XAUUSD");
        await using var db = await Database();
        await using var silo = KestrelSilo.Start(Settings(db, a.Path, b.Path));
        await CollectorParity.WaitForEqualAsync(db, a.Path, ["EURUSD", "GBPUSD"]);
        await CollectorParity.WaitForEqualAsync(db, b.Path, ["BTCUSD", "XAUUSD"]);

        // Both files polled a few more times after their rows arrived: still healthy, nothing refused or failing.
        var (status, body) = await HealthApiTests.WaitFor(silo.Admin, "/api/health/sqlite",
            (_, b) => b.GetProperty("sources").EnumerateArray().All(s => s.GetProperty("symbols").GetArrayLength() == Symbols.All.Count));
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        (status, body) = await HealthApiTests.Get(silo.Admin, "/api/health/sqlite");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        foreach (var path in new[] { a.Path, b.Path })
        {
            var source = Source(body, path);
            Assert.Equal("ok", source.GetProperty("status").GetString());
            Assert.All(source.GetProperty("symbols").EnumerateArray(), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("lastError").ValueKind));
        }
    }

    [Fact]
    public async Task A_file_restored_in_place_from_a_backup_is_read_again_within_seconds()
    {
        var file = NewFile();
        var backup = NewFile();
        await using var db = await Database();
        await using var writer = new LiveCollectorWriter(file.Path, "EURUSD");
        await using var silo = KestrelSilo.Start(Settings(db, file.Path));
        var grains = silo.Factory.Services.GetRequiredService<IGrainFactory>();
        var eurusd = grains.GetGrain<ISymbolGrain>("EURUSD");
        await CaughtUp(eurusd, file.Path, "EURUSD", TimeSpan.FromSeconds(120));

        // The terminal stops; the operator restores last night's backup in place: -wal/-shm removed, the backup
        // copied over the file (the same file, rewritten, as cp does), and the terminal starts again.
        await writer.StopAsync();
        await CaughtUp(eurusd, file.Path, "EURUSD", TimeSpan.FromSeconds(30));
        using (var connection = new SqliteConnection($"Data Source={file.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"VACUUM INTO '{backup.Path}'";
            command.ExecuteNonQuery();
        }

        File.Delete(file.Path + "-wal");
        File.Delete(file.Path + "-shm");
        using (var source = File.OpenRead(backup.Path))
        using (var target = new FileStream(file.Path, FileMode.Truncate, FileAccess.Write))
        {
            source.CopyTo(target);
        }

        var lastM5 = await grains.GetGrain<ITimeframeGrain>(new Pair("EURUSD", Timeframe.M5).Key).GetBars(1);
        var bar = new BarRecord(Timeframe.M5, lastM5.Time[^1] + 300, 1.23456, 1.2349, 1.2341, 1.23456, IndicatorValues.None, 0, 0);
        // The terminal starts again and writes, in its own process (in this one it would share the silo's SQLite locks
        // and its view of the removed -shm, which a terminal never does).
        await ForeignWriter.InsertAsync(file.Path, "EURUSD", bar, Ct);

        var m5 = grains.GetGrain<ITimeframeGrain>(new Pair("EURUSD", Timeframe.M5).Key);
        var latest = await Eventually.UntilAsync("the bar written after the restore in the grain", async () => await m5.GetBars(1),
            bars => bars.Time.Length == 1 && bars.Time[^1] == bar.Time, TimeSpan.FromSeconds(20), cancellationToken: Ct);
        Assert.Equal(bar.Close, latest.Close[^1]);
        await FileStatus(silo.Admin, file.Path, "ok");
    }

    private TempCollectorFile NewFile()
    {
        var file = new TempCollectorFile();
        _files.Add(file);
        return file;
    }

    private static async Task<SchemaDatabase> Database()
    {
        var db = new SchemaDatabase();
        await db.InitializeAsync();
        return db;
    }

    private static Dictionary<string, string?> Settings(SchemaDatabase db, params string[] paths)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = db.ConnectionString,
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Ingest:PollInterval"] = "00:00:00.050",
            ["Ingest:StatusInterval"] = "00:00:00.200",
        };
        for (var i = 0; i < paths.Length; i++)
        {
            settings[$"Ingest:SqlitePaths:{i}"] = paths[i];
        }

        return settings;
    }

    /// <summary>Waits (bounded) until the grain's cursor for the file reaches the newest seq the file held when asked.</summary>
    private static async Task CaughtUp(ISymbolGrain grain, string path, string symbol, TimeSpan bound)
    {
        var newest = NewestSeq(path, symbol);
        await Eventually.UntilAsync($"{symbol} of {Path.GetFileName(path)} ingested up to seq {newest}",
            async () => await grain.GetCursor(Path.GetFullPath(path)) >= newest, bound, TimeSpan.FromMilliseconds(50));
    }

    private static long NewestSeq(string path, string symbol)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE(MAX(seq), 0) FROM {symbol}";
        return (long)command.ExecuteScalar()!;
    }

    private static async Task<JsonElement> Body(HttpClient admin) => (await HealthApiTests.Get(admin, "/api/health/sqlite")).Body;

    private static JsonElement Source(JsonElement body, string path) =>
        body.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("path").GetString() == Path.GetFullPath(path));

    /// <summary>Waits (bounded) until the admin port reports the file with <paramref name="status"/>; returns its entry.</summary>
    private static async Task<JsonElement> FileStatus(HttpClient admin, string path, string status, TimeSpan? bound = null)
    {
        var full = Path.GetFullPath(path);
        var body = await Eventually.UntilAsync($"{Path.GetFileName(path)} {status} in /api/health/sqlite", () => Body(admin),
            b => b.GetProperty("sources").EnumerateArray().Any(s => s.GetProperty("path").GetString() == full && s.GetProperty("status").GetString() == status),
            bound ?? TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(200), Ct);
        return Source(body, path);
    }

    /// <summary>The public port's per-file statuses, in the admin port's order, mapped to the given files.</summary>
    private static string[] Statuses(JsonElement publicBody, JsonElement adminBody, params string[] paths)
    {
        var order = adminBody.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("path").GetString()).ToList();
        var statuses = publicBody.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("status").GetString()!).ToList();
        return [.. paths.Select(p => statuses[order.IndexOf(Path.GetFullPath(p))])];
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            file.Dispose();
        }
    }
}
