using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>
/// The API fixture on a fresh PostgreSQL database (schema applied, ADO.NET clustering): bars are written
/// through and grains rehydrate from the tables, so tests can check what is stored and break it for real.
/// Four days of history, so M5 holds more bars than the default limit.
/// </summary>
public class StoredApiFixture : ApiFixture
{
    public SchemaDatabase Database { get; } = new();

    public override int Days => 4;

    protected override async ValueTask<IReadOnlyDictionary<string, string?>?> SettingsAsync()
    {
        await Database.InitializeAsync();
        return new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = Database.ConnectionString,
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
        };
    }

    /// <summary>Row count of every one of the 135 tables, in catalogue order (throws if one is missing).</summary>
    public Task<List<(string Table, long Rows)>> TableCountsAsync() => Database.QueryAsync(
        string.Join(" UNION ALL ", Pair.All.Select((p, i) => $"SELECT {i} AS i, '{p.TableName}', count(*) FROM {p.TableName}")) + " ORDER BY i",
        r => (r.GetString(1), r.GetInt64(2)));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
