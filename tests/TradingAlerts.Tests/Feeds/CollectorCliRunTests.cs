using Microsoft.Data.Sqlite;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Collector;
using TradingAlerts.DevTools;
using TradingAlerts.Feeds;
using TradingAlerts.Persistence.Schema;
using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.Tests.Fixtures;
using TradingAlerts.Tests.Sqlite;

namespace TradingAlerts.Tests.Feeds;

/// <summary>
/// Every command line the docs write for the development tools and the collector's <c>schema --out</c>, parsed and
/// run by the real command trees on small data
/// (<c>schema --postgres</c> and <c>agent</c> need PostgreSQL and a cluster: SchemaCommandTests and
/// MultiProcessFailoverTests run them).
/// </summary>
public class CollectorCliRunTests
{
    // Five M1 bars of the real export: a closed M5 bar and the start of the next one.
    private const string From = "2022-01-05T10:00:00";
    private const string To = "2022-01-05T10:05:00";

    [Theory]
    [InlineData("max")]
    [InlineData("MAX")]
    [InlineData("60")]
    [InlineData(null)]
    public async Task Replay_with_every_documented_speed_writes_what_the_feed_writes(string? speed)
    {
        using var cli = new ScratchCollectorFile();
        using var library = new ScratchCollectorFile();
        string[] args = ["replay", "--csv", Fixture.PathOf(Fixture.M1File), "--symbol", "EURUSD.i", "--db", cli.Path, "--from", From, "--to", To];
        if (speed is not null)
        {
            args = [.. args, "--speed", speed];
        }

        Assert.Equal(0, await RunDevTools(args));

        var from = DateTimeOffset.Parse(From + "Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();
        var to = DateTimeOffset.Parse(To + "Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();
        using (var writer = new CollectorWriter(library.Path))
        {
            await new ReplayFeed(writer, "EURUSD").RunAsync([.. Fixture.Bars(Fixture.M1File).Where(b => b.Time >= from && b.Time < to)], speed: null, cancellationToken: TestContext.Current.CancellationToken);
        }

        var written = Rows(cli.Path, "EURUSD");
        Assert.NotEmpty(written);
        Assert.Equal(Rows(library.Path, "EURUSD"), written);
    }

    [Fact]
    public async Task Synthetic_writes_history_then_live_cycles_until_its_duration()
    {
        using var file = new ScratchCollectorFile();

        Assert.Equal(0, await RunDevTools(["synthetic", "--symbols", "EURUSD,XAUUSD", "--db", file.Path, "--days", "1", "--speed", "60", "--interval", "0.2", "--duration", "1", "--seed", "7"]));

        var reader = new CollectorReader(file.Path);
        Assert.Equal(["EURUSD", "XAUUSD"], Symbols.All.Where(s => Rows(file.Path, s).Count > 0));
        foreach (var symbol in (string[])["EURUSD", "XAUUSD"])
        {
            var rows = Rows(file.Path, symbol);
            Assert.Equal(Timeframes.All.Select(tf => (object)tf.Name()).Order(), rows.Select(r => r[0]).Distinct().Order());

            // Live cycles rewrite the forming bars in place: more writes (seq) than rows.
            Assert.True(reader.Inspect(symbol).MaxSeq > rows.Count, $"{symbol}: no live cycle rewrote a bar");
        }
    }

    [Fact]
    public async Task Backfill_writes_the_days_of_history_asked_for()
    {
        using var file = new ScratchCollectorFile();

        Assert.Equal(0, await RunDevTools(["backfill", "--symbols", "USDJPY", "--db", file.Path, "--days", "1"]));

        var m5 = Rows(file.Path, "USDJPY").Where(r => (string)r[0]! == "M5").Select(r => (long)r[1]!).ToList();
        Assert.InRange(m5.Max() - m5.Min(), 86_400 - 2 * 300, 86_400);
    }

    [Fact]
    public async Task Schema_and_seed_sql_write_the_committed_files()
    {
        var folder = Directory.CreateTempSubdirectory("ta-cli-");
        try
        {
            Assert.Equal(0, await RunCollector(["schema", "--out", folder.FullName]));
            var seed = Path.Combine(folder.FullName, "seed_data.sql");
            Assert.Equal(0, await RunDevTools(["seed-sql", "--out", seed]));

            foreach (var name in (string[])[CollectorSchemaScript.SqliteFile, PostgresSchemaScripts.PostgresFile, PostgresSchemaScripts.TimescaleFile, "seed_data.sql"])
            {
                Assert.Equal(
                    File.ReadAllText(Path.Combine(RepositoryRoot.Path, "sql", name)).ReplaceLineEndings("\n"),
                    File.ReadAllText(Path.Combine(folder.FullName, name)).ReplaceLineEndings("\n"));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Task<int> RunDevTools(string[] args) => DevToolsCli.Build().Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

    private static Task<int> RunCollector(string[] args) => CollectorCli.Build().Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Every row of a symbol's table but seq and written_at (which depend on the run), in key order.</summary>
    private static List<object?[]> Rows(string path, string symbol)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {CollectorSchemaScript.SqliteTable(symbol)} ORDER BY timeframe, timestamp";
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount)
                .Where(i => reader.GetName(i) is not ("seq" or "written_at"))
                .Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
        }

        return rows;
    }
}
