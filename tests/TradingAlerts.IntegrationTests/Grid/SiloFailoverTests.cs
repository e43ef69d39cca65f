using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Feeds;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Storage.Sqlite;

namespace TradingAlerts.IntegrationTests.Grid;

/// <summary>
/// Three real silos (ADO.NET clustering on PostgreSQL); one is stopped while ingest is running.
/// Afterwards every collector row is in PostgreSQL exactly once and the grains serve the same bars.
/// </summary>
public sealed class SiloFailoverTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>, IDisposable
{
    private static readonly string[] TestSymbols = ["AUDUSD", "GBPJPY", "ETHUSD"];
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ta-failover-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Stopping_a_silo_during_ingest_loses_and_duplicates_nothing()
    {
        int rows;
        using (var writer = new CollectorWriter(_file))
        {
            var from = new DateTimeOffset(2022, 1, 4, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
            rows = (int)new SyntheticFeed(writer, new SyntheticMarket(TestSymbols)).WriteHistory(from, from + (5 * 86_400), cancellationToken: TestContext.Current.CancellationToken).RowsWritten;
        }

        var clusterId = $"failover-{Guid.NewGuid():N}";
        Dictionary<string, string?> Settings(bool agent) => new()
        {
            ["ConnectionStrings:Postgres"] = db.ConnectionString,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Ingest:SqlitePaths:0"] = agent ? _file : null,
            ["Ingest:BatchSize"] = "100",
        };

        await using var silo1 = new SiloFactory(Settings(agent: false));
        await using var silo2 = new SiloFactory(Settings(agent: false));
        silo1.CreateClient().Dispose();
        silo2.CreateClient().Dispose();
        await using var silo3 = new SiloFactory(Settings(agent: true)); // the agent runs here
        silo3.CreateClient().Dispose();

        // Stop silo 2 once ingest is under way: its grains come back on the others, rehydrated.
        var total = string.Join(" + ", TestSymbols.SelectMany(s => Timeframes.All.Select(tf => $"(SELECT count(*) FROM {new Pair(s, tf).TableName})")));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        while (await db.ScalarAsync<long>($"SELECT {total}") < rows / 4)
        {
            await Task.Delay(20, timeout.Token);
        }

        Assert.True(await db.ScalarAsync<long>($"SELECT {total}") < rows, "ingest finished before the silo could be stopped");
        await silo2.DisposeAsync();

        while (await db.ScalarAsync<long>($"SELECT {total}") < rows)
        {
            await Task.Delay(100, timeout.Token);
        }

        Assert.Equal(rows, await db.ScalarAsync<long>($"SELECT {total}"));
        var grains = silo1.Services.GetRequiredService<IGrainFactory>();
        foreach (var pair in TestSymbols.SelectMany(s => Timeframes.All.Select(tf => new Pair(s, tf))))
        {
            Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) - count(DISTINCT timestamp) FROM {pair.TableName}"));
            var stored = await db.QueryAsync($"SELECT extract(epoch FROM timestamp)::bigint, close FROM {pair.TableName} ORDER BY timestamp", r => (r.GetInt64(0), r.GetDouble(1)));
            var held = await grains.GetGrain<ITimeframeGrain>(pair.Key).GetBars(100_000);
            Assert.Equal(stored, held.Time.Zip(held.Close));
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }
    }
}
