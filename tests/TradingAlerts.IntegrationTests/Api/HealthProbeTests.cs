using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TradingAlerts.IntegrationTests.Infrastructure;
using static TradingAlerts.IntegrationTests.Api.HealthApiTests;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>
/// Readiness and the PostgreSQL health endpoint of cluster silos (ADO.NET clustering on a real
/// PostgreSQL, real Redis): all green, a missing bar table, the database going away and coming back,
/// Redis unreachable, and a grain rehydrated from PostgreSQL that has received nothing since.
/// </summary>
public sealed class HealthProbeTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static Dictionary<string, string?> ClusterSettings(PostgresDatabase db, string redis) => new()
    {
        ["ConnectionStrings:Postgres"] = db.ConnectionString,
        ["ConnectionStrings:Redis"] = redis,
        ["Orleans:AdvertisedIP"] = "127.0.0.1",
        ["Health:CheckTimeout"] = "00:00:03",
    };

    private static SiloFactory ClusterSilo(PostgresDatabase db, string redis) => new(ClusterSettings(db, redis));

    private static Dictionary<string, string> Checks(JsonElement report) =>
        report.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);

    [Fact]
    public async Task Cluster_silo_is_ready_with_postgres_redis_and_orleans_and_stays_ready_degraded_serving_reads_while_postgres_is_away()
    {
        await using var db = new SchemaDatabase();
        await db.InitializeAsync();
        // A bar written before the silo started: its grain rehydrates it and has received nothing since.
        await Exec(db, "INSERT INTO eurusd_h1 (timestamp, open, high, low, close) VALUES (to_timestamp(1641254400), 1.1, 1.2, 1.0, 1.15)");
        await using var silo = KestrelSilo.Start(ClusterSettings(db, TestEnvironment.Redis));
        var client = silo.Admin;

        // Bounded wait: on a loaded machine a first check can outlast Health:CheckTimeout.
        var (status, ready) = await WaitFor(client, "/health/ready", (_, b) => b.GetProperty("status").GetString() == "Healthy");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(new Dictionary<string, string> { ["drain"] = "Healthy", ["orleans"] = "Healthy", ["postgresql"] = "Healthy", ["redis"] = "Healthy" }, Checks(ready));
        Assert.All(ready.GetProperty("checks").EnumerateArray(), c => Assert.Equal(["ready"], c.GetProperty("tags").EnumerateArray().Select(t => t.GetString())));

        // The seed's check: connected, 135 tables.
        var (pgStatus, pg) = await Get(client, "/api/health/postgresql");
        Assert.Equal(HttpStatusCode.OK, pgStatus);
        Assert.Equal(("healthy", "cluster", true, 135, 0), (pg.GetProperty("status").GetString(), pg.GetProperty("mode").GetString(),
            pg.GetProperty("connected").GetBoolean(), pg.GetProperty("tables").GetInt32(), pg.GetProperty("missingTables").GetArrayLength()));

        var (freshStatus, fresh) = await Get(client, "/api/indicators/health");
        Assert.Equal(HttpStatusCode.OK, freshStatus);
        var eurusdH1 = Assert.Single(fresh.GetProperty("pairs").EnumerateArray(), p => p.GetProperty("bars").GetInt32() > 0);
        Assert.Equal(("EURUSD", "H1", "stale", 1_641_254_400L), (eurusdH1.GetProperty("symbol").GetString(), eurusdH1.GetProperty("timeframe").GetString(),
            eurusdH1.GetProperty("status").GetString(), eurusdH1.GetProperty("latestBarTime").GetInt64()));
        Assert.Equal(JsonValueKind.Null, eurusdH1.GetProperty("lastUpdate").ValueKind); // unknown since activation: not vouched for

        // A missing bar table is named, and readiness (the same probe) says Degraded.
        await Exec(db, "ALTER TABLE xauusd_d1 RENAME TO xauusd_d1_away");
        (pgStatus, pg) = await Get(client, "/api/health/postgresql");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pgStatus);
        Assert.Equal(("missing_tables", true, 134), (pg.GetProperty("status").GetString(), pg.GetProperty("connected").GetBoolean(), pg.GetProperty("tables").GetInt32()));
        Assert.Equal(["xauusd_d1"], pg.GetProperty("missingTables").EnumerateArray().Select(t => t.GetString()));
        (status, ready) = await Get(client, "/health/ready");
        Assert.Equal((HttpStatusCode.OK, "Degraded"), (status, Checks(ready)["postgresql"]));
        await Exec(db, "ALTER TABLE xauusd_d1_away RENAME TO xauusd_d1");

        // PostgreSQL goes away: no new connections, existing ones cut.
        await Admin($"ALTER DATABASE {db.Name} ALLOW_CONNECTIONS false");
        await Admin($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{db.Name}' AND pid <> pg_backend_pid()");
        // Reads come from grain memory, so the silo stays in the load balancer: ready, Degraded, on both ports.
        (status, ready) = await WaitFor(client, "/health/ready", (_, b) => b.GetProperty("status").GetString() == "Degraded");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", Checks(ready)["postgresql"]);
        Assert.True(Checks(ready)["orleans"] == "Healthy", ready.ToString()); // Orleans answers without storage
        Assert.False(string.IsNullOrEmpty(ready.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "postgresql")
            .GetProperty("description").GetString())); // the admin port says why
        var (publicStatus, publicReady) = await Get(silo.Public, "/health/ready");
        Assert.Equal((HttpStatusCode.OK, "Degraded"), (publicStatus, publicReady.GetProperty("status").GetString()));
        Assert.All(publicReady.GetProperty("checks").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("description").ValueKind));
        using (var read = await silo.Public.GetAsync(new Uri("/api/indicators/EURUSD/H1", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            var bars = JsonDocument.Parse(await read.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("data").GetProperty("ohlc");
            Assert.Equal(1_641_254_400L, Assert.Single(bars.EnumerateArray()).GetProperty("time").GetInt64());
        }

        (pgStatus, pg) = await Get(client, "/api/health/postgresql");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pgStatus);
        Assert.Equal(("unreachable", false, "PostgreSQL is unreachable"), (pg.GetProperty("status").GetString(),
            pg.GetProperty("connected").GetBoolean(), pg.GetProperty("error").GetString()));
        // Liveness has no dependencies: an orchestrator must not restart silos for a database outage.
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        // Back: ready again by itself.
        await Admin($"ALTER DATABASE {db.Name} ALLOW_CONNECTIONS true");
        db.DataSource.Clear();
        (status, ready) = await WaitFor(client, "/health/ready", (_, b) => b.GetProperty("status").GetString() == "Healthy");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (status, Checks(ready)["postgresql"]));
    }

    [Fact]
    public async Task Readiness_and_the_postgresql_answer_agree_that_a_database_under_a_statement_timeout_is_timing_out()
    {
        await using var db = new SchemaDatabase();
        await db.InitializeAsync();
        await using var silo = KestrelSilo.Start(ClusterSettings(db, TestEnvironment.Redis));
        var client = silo.Admin;
        await WaitFor(client, "/health/ready", (_, b) => b.GetProperty("status").GetString() == "Healthy");

        // New sessions get a 300 ms statement_timeout (the silo's pool reconnects), and a migration holds a lock on one
        // bar table: the database answers connections and SELECT 1, but a read of the bar tables outlives the timeout.
        await Admin($"ALTER DATABASE {db.Name} SET statement_timeout = '300ms'");
        silo.Factory.Services.GetRequiredService<NpgsqlDataSource>().Clear();
        await using var locker = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ConnectionString);
        await locker.OpenAsync(Ct);
        await using var transaction = await locker.BeginTransactionAsync(Ct);
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE gbpusd_m15 IN ACCESS EXCLUSIVE MODE", locker, transaction))
        {
            await lockTable.ExecuteNonQueryAsync(Ct);
        }

        // One judgement: readiness Degraded (still 200: reads come from grain memory) and the detailed answer 503,
        // both saying "timing out", connected, not unreachable.
        var (status, ready) = await Get(client, "/health/ready");
        Assert.Equal((HttpStatusCode.OK, "Degraded"), (status, Checks(ready)["postgresql"]));
        var readiness = ready.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "postgresql");
        Assert.StartsWith("PostgreSQL is timing out", readiness.GetProperty("description").GetString(), StringComparison.Ordinal);
        var (pgStatus, pg) = await Get(client, "/api/health/postgresql");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pgStatus);
        Assert.Equal(("timing_out", true), (pg.GetProperty("status").GetString(), pg.GetProperty("connected").GetBoolean()));
        Assert.Equal(readiness.GetProperty("description").GetString(), pg.GetProperty("error").GetString());

        // The lock released: both healthy again.
        await transaction.RollbackAsync(Ct);
        await Admin($"ALTER DATABASE {db.Name} RESET statement_timeout");
        (status, ready) = await WaitFor(client, "/health/ready", (_, b) => b.GetProperty("status").GetString() == "Healthy");
        Assert.Equal("Healthy", Checks(ready)["postgresql"]);
        (pgStatus, pg) = await Get(client, "/api/health/postgresql");
        Assert.Equal((HttpStatusCode.OK, "healthy"), (pgStatus, pg.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Redis_being_unreachable_degrades_readiness_without_failing_it()
    {
        await using var db = new SchemaDatabase();
        await db.InitializeAsync();
        var nobody = $"127.0.0.1:{TestEnvironment.FreePort()}"; // nothing listens there
        await using var silo = ClusterSilo(db, nobody);
        using var client = silo.CreateClient();

        var (status, ready) = await Get(client, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, status); // Redis only carries events: the silo still serves
        Assert.Equal("Degraded", ready.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<string, string> { ["drain"] = "Healthy", ["orleans"] = "Healthy", ["postgresql"] = "Healthy", ["redis"] = "Degraded" }, Checks(ready));
    }

    private static async Task Exec(PostgresDatabase db, string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task Admin(string sql)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.PostgresAdmin);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
