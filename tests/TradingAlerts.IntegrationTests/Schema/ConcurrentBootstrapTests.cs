using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Persistence.Schema;

namespace TradingAlerts.IntegrationTests.Schema;

/// <summary>Silos that start together each run the bootstrapper against the same fresh database.</summary>
public sealed class ConcurrentBootstrapTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Four_bootstrappers_at_once_all_succeed_with_the_same_result()
    {
        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => new PostgresSchemaBootstrapper(db.DataSource).ApplyAsync(cancellationToken: TestContext.Current.CancellationToken))));
        Assert.All(reports, r => Assert.Equal(135, r.BarTables));
        Assert.Single(reports.Select(r => r.Summary).Distinct());
    }
}
