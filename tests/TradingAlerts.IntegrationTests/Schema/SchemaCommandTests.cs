using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Collector;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Schema;

/// <summary><c>schema --postgres</c>: the one-shot migration of docker-compose.yml and deploy.sh, on a fresh database, twice.</summary>
public sealed class SchemaCommandTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Schema_command_migrates_a_fresh_database_and_a_second_run_changes_nothing()
    {
        for (var run = 1; run <= 2; run++)
        {
            var output = new StringWriter();
            var exitCode = await CollectorCli.Build().Parse(["schema", "--postgres", db.ConnectionString])
                .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output }, TestContext.Current.CancellationToken);

            Assert.True(exitCode == 0, output.ToString());
            Assert.StartsWith($"schema applied: {Pair.All.Count} bar tables", output.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(Pair.All.Count, await db.ScalarAsync<long>(
            $"SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ({string.Join(",", Pair.All.Select(p => $"'{p.TableName}'"))})"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'orleansmembershiptable'"));
    }
}
