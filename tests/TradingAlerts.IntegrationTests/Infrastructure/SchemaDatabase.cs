using TradingAlerts.Storage.Schema;

namespace TradingAlerts.IntegrationTests.Infrastructure;

/// <summary>A fresh database for one test class with the schema applied once by the bootstrapper.</summary>
public class SchemaDatabase : PostgresDatabase
{
    /// <summary>True to apply sql/seed_data.sql as well.</summary>
    protected virtual bool IncludeDevSeed => false;

    /// <summary>What the first application reported.</summary>
    public SchemaReport Report { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Report = await new PostgresSchemaBootstrapper(DataSource).ApplyAsync(IncludeDevSeed);
    }
}

/// <summary>A fresh database with the schema and the development seed applied.</summary>
public sealed class SeededDatabase : SchemaDatabase
{
    protected override bool IncludeDevSeed => true;
}
