using System.Net;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Persistence.Schema;

namespace TradingAlerts.IntegrationTests.Hosting;

/// <summary>Opt-in schema bootstrap at startup against a fresh database.</summary>
public sealed class SiloSchemaBootstrapTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Silo_applies_the_schema_at_startup_when_asked()
    {
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
        await using var factory = new SiloFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = db.ConnectionString,
            ["Database:ApplySchemaOnStartup"] = "true",
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Demo:Enabled"] = "false",
        });
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(135L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE 'orleans%'"));
        Assert.True(await db.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM orleansquery)"));
    }

    [Fact]
    public async Task Silo_leaves_the_bar_tables_alone_by_default()
    {
        // A cluster needs the Orleans tables; someone applied only those (say, by psql).
        await using var other = new PostgresDatabase();
        await other.InitializeAsync();
        foreach (var script in SqlResources.List("orleans"))
        {
            await using var apply = other.DataSource.CreateCommand(SqlResources.Read(script));
            await apply.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using var factory = new SiloFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = other.ConnectionString,
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Demo:Enabled"] = "false",
        });
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(0L, await other.ScalarAsync<long>(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE 'orleans%'"));
    }
}
