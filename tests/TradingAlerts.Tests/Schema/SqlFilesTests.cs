using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.Persistence.Schema;

namespace TradingAlerts.Tests.Schema;

/// <summary>The committed sql/ files are exactly what the catalogue generates, so they cannot drift.</summary>
public class SqlFilesTests
{
    /// <summary>Every generated file by name: the collector file's DDL and the PostgreSQL files.</summary>
    private static Dictionary<string, string> Generated() => new(PostgresSchemaScripts.Generated())
    {
        [CollectorSchemaScript.SqliteFile] = CollectorSchemaScript.Sqlite(),
    };

    public static TheoryData<string> GeneratedFiles() => [.. Generated().Keys];

    [Theory]
    [MemberData(nameof(GeneratedFiles))]
    public void Committed_file_matches_the_catalogue(string file)
    {
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "sql", file));
        Assert.True(
            committed == Generated()[file],
            $"sql/{file} differs from the catalogue; regenerate: dotnet run --project src/TradingAlerts.Collector -- schema --out sql");
    }

    [Theory]
    [MemberData(nameof(GeneratedFiles))]
    public void Embedded_copy_is_the_committed_file(string file)
    {
        var embedded = file == CollectorSchemaScript.SqliteFile ? SqliteCollectorSchema.Script : SqlResources.Read(file);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "sql", file)), embedded);
    }

    [Fact]
    public void Postgres_schema_creates_one_table_per_pair_and_nothing_else()
    {
        var sql = PostgresSchemaScripts.Postgres();
        Assert.Equal(135, CountOf(sql, "CREATE TABLE IF NOT EXISTS "));
        Assert.All(Pair.All, p => Assert.Contains($"CREATE TABLE IF NOT EXISTS {p.TableName} (", sql, StringComparison.Ordinal));
    }

    [Fact]
    public void Timescale_setup_lists_every_pair_with_the_seed_retention()
    {
        var sql = PostgresSchemaScripts.Timescale();
        Assert.Equal([35, 105, 210, 417, 834, 1667, 3333, 5000, 10000], TimeframeStoragePolicy.All.Select(p => p.RetentionDays));
        Assert.All(Pair.All, p =>
        {
            var policy = TimeframeStoragePolicy.For(p.Timeframe);
            Assert.Contains($"('{p.TableName}', {policy.ChunkDays}, {policy.CompressAfterDays}, {policy.RetentionDays})", sql, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Orleans_scripts_are_embedded_in_order()
    {
        var scripts = SqlResources.List("orleans");
        Assert.NotEmpty(scripts);
        Assert.Equal(scripts.Order(StringComparer.Ordinal), scripts);
        Assert.Equal(Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "sql", "orleans"), "*.sql").Length, scripts.Count);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
