using TradingAlerts.Persistence.Schema;

namespace TradingAlerts.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh, empty PostgreSQL database for one test class (class fixture), dropped afterwards, so test
/// classes never share tables and can run in parallel.
/// </summary>
public class PostgresDatabase : ThrowawayDatabase, IAsyncLifetime
{
    public PostgresDatabase()
        : this(DatabaseContent.Empty)
    {
    }

    protected PostgresDatabase(DatabaseContent content)
        : base("ta_test", content)
    {
    }
}

/// <summary>A fresh database for one test class with the schema applied once by the bootstrapper.</summary>
public class SchemaDatabase : PostgresDatabase
{
    public SchemaDatabase()
        : this(DatabaseContent.Schema)
    {
    }

    protected SchemaDatabase(DatabaseContent content)
        : base(content)
    {
    }

    /// <summary>What the first application reported.</summary>
    public new SchemaReport Report => base.Report!;
}

/// <summary>A fresh database with the schema and the development seed applied.</summary>
public sealed class SeededDatabase() : SchemaDatabase(DatabaseContent.SchemaAndDevSeed);
