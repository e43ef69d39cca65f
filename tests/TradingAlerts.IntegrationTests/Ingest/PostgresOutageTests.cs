using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Ingest;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Ingest;

/// <summary>
/// The grid's database goes away during ingest (connections refused and cut, as when the server is
/// down): ingest stalls and retries, nothing is lost, and it resumes by itself when the database is back.
/// </summary>
public sealed class PostgresOutageTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>, IDisposable
{
    private static readonly string[] TestSymbols = ["BTCUSD", "US30"];
    private readonly TempCollectorFile _file = new();

    [Fact]
    public async Task Ingest_stalls_during_a_database_outage_and_resumes_without_loss()
    {
        var ct = TestContext.Current.CancellationToken;
        var rows = _file.WriteHistory(6, TestSymbols);

        await using var silo = new SiloFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = db.ConnectionString,
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Ingest:SqlitePaths:0"] = _file.Path,
            ["Ingest:BatchSize"] = "50",
            ["Ingest:MaxBackoff"] = "00:00:01",
        });
        silo.CreateClient().Dispose();
        var status = silo.Services.GetRequiredService<IngestStatus>();
        var count = TempCollectorFile.CountSql(TestSymbols);
        await TempCollectorFile.WaitForRowsAsync(db, TestSymbols, rows / 5);

        // Outage: no new connections, existing ones cut.
        await Admin($"ALTER DATABASE {db.Name} ALLOW_CONNECTIONS false");
        await Admin($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{db.Name}' AND pid <> pg_backend_pid()");
        await Eventually.UntilAsync("the agent to notice the outage", () => Symbols(status).Any(s => s.LastError is not null),
            TimeSpan.FromSeconds(180), TimeSpan.FromMilliseconds(50), cancellationToken: ct);

        // It stalls: while the database stays away no pass of a failing symbol succeeds and its cursor does not move
        // (a symbol whose rows had all moved before the outage has nothing to fail on).
        var stalled = Progress(status, failingOnly: true);
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        Assert.Equal(stalled, Progress(status).Where(s => stalled.ContainsKey(s.Key)).ToDictionary());
        await Admin($"ALTER DATABASE {db.Name} ALLOW_CONNECTIONS true");
        db.DataSource.Clear(); // the test's own pooled connections were cut too

        // Back: it resumes by itself and PostgreSQL ends up holding exactly the collector file's bars and values.
        await TempCollectorFile.WaitForRowsAsync(db, TestSymbols, rows);
        await CollectorParity.WaitForEqualAsync(db, _file.Path, TestSymbols);

        await Eventually.UntilAsync("the error to clear on the next success", () => Symbols(status).All(s => s.LastError is null),
            TimeSpan.FromSeconds(180), TimeSpan.FromMilliseconds(50), cancellationToken: ct);

        // Resumed from where it stalled: every failing symbol's cursor moved on from there.
        var resumed = Progress(status);
        Assert.All(stalled, s => Assert.True(resumed[s.Key].LastSeq > s.Value.LastSeq, $"{s.Key}: cursor {s.Value.LastSeq} at the stall, {resumed[s.Key].LastSeq} after"));
    }

    /// <summary>Each symbol's cursor and last success: what moves whenever a pass gets through.</summary>
    private static Dictionary<string, (long? LastSeq, long? LastSuccessMs)> Progress(IngestStatus status, bool failingOnly = false) =>
        Symbols(status).Where(s => !failingOnly || s.LastError is not null).ToDictionary(s => s.Symbol, s => (s.LastSeq, s.LastSuccessMs));

    private static IEnumerable<TradingAlerts.Abstractions.Contracts.IngestSymbolStatus> Symbols(IngestStatus status) =>
        status.Snapshot("test").SelectMany(f => f.Symbols);

    private static async Task Admin(string sql)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.PostgresAdmin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose() => _file.Dispose();
}
