using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.IntegrationTests.Ingest;

/// <summary>
/// The ingest cursor counts in one collector file. A file recreated at the same path (seq from 1 again), or an older
/// backup restored over it, is read again from the start with a warning naming the file, so a bar written to it
/// reaches PostgreSQL and the grain instead of being skipped. Two files carrying one symbol: the first listed wins.
/// Real silo in cluster mode (cursors in PostgreSQL grain storage), real agent, real SQLite files.
/// </summary>
public sealed class CollectorFileIdentityTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>, IDisposable
{
    private const long HistoryStart = 1_641_254_400; // 2022-01-04, as TempCollectorFile writes
    private readonly List<TempCollectorFile> _files = [];
    private readonly LogCapture _logs = new();

    [Fact]
    public async Task A_file_recreated_at_the_same_path_while_the_agent_runs_is_read_from_the_start()
    {
        var file = NewFile();
        file.WriteHistory(1, "AUDJPY");
        await using var silo = Silo(file.Path);
        silo.CreateClient().Dispose();
        await CollectorParity.WaitForEqualAsync(db, file.Path, ["AUDJPY"]);

        // Reinstalled terminal: the file is deleted and a new one starts at seq 1, with one new bar.
        Delete(file.Path);
        var bar = NewBar(Timeframe.M5, HistoryStart + 86_400 + 3_000, 91.2345);
        Write(file.Path, "AUDJPY", bar);

        await AssertArrives(silo, "AUDJPY", bar);
        AssertWarned(file.Path, "recreated");
    }

    [Fact]
    public async Task A_file_recreated_while_the_silo_was_down_is_read_from_the_start_after_restart()
    {
        var file = NewFile();
        file.WriteHistory(1, "NZDUSD");
        var serviceId = $"identity-{Guid.NewGuid():N}"; // the cursor survives the restart in PostgreSQL grain storage
        await using (var first = Silo(file.Path, serviceId))
        {
            first.CreateClient().Dispose();
            await CollectorParity.WaitForEqualAsync(db, file.Path, ["NZDUSD"]);
        }

        // As the demo collector does at every start: a new file at the same path.
        Delete(file.Path);
        var bar = NewBar(Timeframe.H1, HistoryStart + 86_400 + 7_200, 0.61234);
        Write(file.Path, "NZDUSD", bar);
        await using var second = Silo(file.Path, serviceId);
        second.CreateClient().Dispose();

        await AssertArrives(second, "NZDUSD", bar);
        AssertWarned(file.Path, "recreated");
    }

    [Fact]
    public async Task An_older_backup_restored_over_the_file_is_read_from_the_start()
    {
        var file = NewFile();
        var backup = NewFile();
        file.WriteHistory(1, "USDCAD");
        Execute(file.Path, $"VACUUM INTO '{backup.Path}'"); // the backup: same identity, fewer writes
        Write(file.Path, "USDCAD", [.. Enumerable.Range(0, 200).Select(i => NewBar(Timeframe.M5, HistoryStart + 86_400 + (i * 300), 1.25 + (i * 1e-4)))]);
        await using var silo = Silo(file.Path);
        silo.CreateClient().Dispose();
        await CollectorParity.WaitForEqualAsync(db, file.Path, ["USDCAD"]);

        // Restore the backup over the file (with its WAL files gone, as a restore must), then the terminal writes again.
        Delete(file.Path);
        File.Copy(backup.Path, file.Path);
        Assert.Equal(new CollectorReader(backup.Path).FileId(), new CollectorReader(file.Path).FileId());
        var bar = NewBar(Timeframe.M5, HistoryStart + 86_400, 1.31313);
        Write(file.Path, "USDCAD", bar);

        await AssertArrives(silo, "USDCAD", bar);
        AssertWarned(file.Path, "below the cursor");
    }

    [Fact]
    public async Task A_file_without_an_identity_recreated_is_read_from_the_start_once_its_seq_is_below_the_cursor()
    {
        // Written before files had an identity: only max(seq) < cursor can tell.
        var file = NewFile();
        file.WriteHistory(1, "GBPUSD");
        Execute(file.Path, "DROP TABLE collector_file");
        await using var silo = Silo(file.Path);
        silo.CreateClient().Dispose();
        await CollectorParity.WaitForEqualAsync(db, file.Path, ["GBPUSD"]);

        Delete(file.Path);
        var bar = NewBar(Timeframe.M15, HistoryStart + 86_400 + 1_800, 1.37373);
        Write(file.Path, "GBPUSD", bar);
        Execute(file.Path, "DROP TABLE collector_file");

        await AssertArrives(silo, "GBPUSD", bar);
        AssertWarned(file.Path, "below the cursor");
    }

    [Fact]
    public async Task Of_two_files_carrying_one_symbol_the_first_listed_wins_and_the_other_is_refused_with_an_error()
    {
        var first = NewFile();
        var second = NewFile();
        first.WriteHistory(1, "XAGUSD");
        second.WriteHistory(1, "US30");
        // The second file carries XAGUSD too, with other prices for the same bars.
        using (var writer = new CollectorWriter(second.Path))
        {
            writer.Write("XAGUSD", Enumerable.Range(0, 50).Select(i => NewBar(Timeframe.M5, HistoryStart + (i * 300), 99 + i)));
        }

        await using var silo = Silo(first.Path, second: second.Path);
        silo.CreateClient().Dispose();

        await CollectorParity.WaitForEqualAsync(db, first.Path, ["XAGUSD"]);
        await CollectorParity.WaitForEqualAsync(db, second.Path, ["US30"]);
        var refused = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("XAGUSD", StringComparison.Ordinal));
        Assert.Contains(Path.GetFullPath(second.Path), refused.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(first.Path), refused.Message, StringComparison.Ordinal);
        await CollectorParity.AssertEqualAsync(db, first.Path, ["XAGUSD"]); // still: nothing of the second file's XAGUSD
    }

    private TempCollectorFile NewFile()
    {
        var file = new TempCollectorFile();
        _files.Add(file);
        return file;
    }

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Silo(string path, string? serviceId = null, string? second = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = db.ConnectionString,
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Orleans:ServiceId"] = serviceId ?? $"identity-{Guid.NewGuid():N}",
            ["Ingest:SqlitePaths:0"] = path,
            ["Ingest:SqlitePaths:1"] = second,
            ["Ingest:PollInterval"] = "00:00:00.050",
        };
        return new SiloFactory(settings).WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(_logs)));
    }

    private static BarRecord NewBar(Timeframe tf, long time, double close) =>
        new(tf, time, close, close * 1.001, close * 0.999, close, IndicatorValues.None, 0, 0);

    private static void Write(string path, string symbol, params BarRecord[] bars)
    {
        using var writer = new CollectorWriter(path);
        writer.Write(symbol, bars);
    }

    /// <summary>Deletes the file and its WAL files without touching anyone's open connections (the agent's pool keeps its own).</summary>
    private static void Delete(string path)
    {
        foreach (var name in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
        {
            File.Delete(name);
        }
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The bar reaches PostgreSQL with its values and is the grain's latest bar (bounded wait).</summary>
    private async Task AssertArrives(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> silo, string symbol, BarRecord bar)
    {
        var pair = new Pair(symbol, bar.Timeframe);
        var grain = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<ITimeframeGrain>(pair.Key);
        var expected = (bar.Open, bar.High, bar.Low, bar.Close);
        var (stored, held) = await Eventually.LastAsync(async () =>
        {
            var rows = await db.QueryAsync($"SELECT open, high, low, close FROM {pair.TableName} WHERE timestamp = to_timestamp({bar.Time})",
                r => (r.GetDouble(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3)));
            (double Open, double High, double Low, double Close)? inStore = rows.Count == 1 ? rows[0] : null;
            var bars = await grain.GetBars(100_000);
            var at = Array.IndexOf(bars.Time, bar.Time);
            (double Open, double High, double Low, double Close)? inGrain = at < 0 ? null : (bars.Open[at], bars.High[at], bars.Low[at], bars.Close[at]);
            return (Stored: inStore, Held: inGrain);
        }, r => r.Stored == expected && r.Held == r.Stored, TimeSpan.FromSeconds(60));

        Assert.Equal((bar.Open, bar.High, bar.Low, bar.Close), stored);
        Assert.Equal(stored, held);
    }

    private void AssertWarned(string path, string reason) =>
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning
            && e.Message.Contains(Path.GetFullPath(path), StringComparison.Ordinal)
            && e.Message.Contains("read again from the start", StringComparison.Ordinal)
            && e.Message.Contains(reason, StringComparison.Ordinal));

    public void Dispose()
    {
        foreach (var file in _files)
        {
            file.Dispose();
        }
    }
}
