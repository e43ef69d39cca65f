using Microsoft.Extensions.Options;
using TradingAlerts.Persistence.Schema;

namespace TradingAlerts.Silo.Hosting;

/// <summary>
/// Applies the PostgreSQL schema before the silo joins the cluster (registered ahead of Orleans, so a
/// fresh database has the membership tables the ADO.NET clustering provider needs). Registered whenever
/// PostgreSQL is configured; does nothing unless <c>Database:ApplySchemaOnStartup</c> is set.
/// </summary>
internal sealed class SchemaBootstrapService(PostgresSchemaBootstrapper bootstrapper, IOptions<DatabaseOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => options.Value.ApplySchemaOnStartup
        ? bootstrapper.ApplyAsync(options.Value.ApplyDevSeed, cancellationToken)
        : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
