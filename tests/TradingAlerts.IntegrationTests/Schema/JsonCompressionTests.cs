using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Persistence.Postgres;

namespace TradingAlerts.IntegrationTests.Schema;

/// <summary>The bar tables the schema creates compress their JSONB columns with lz4, and stored JSON is compressed with it.</summary>
public sealed class JsonCompressionTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>
{
    [Fact]
    public async Task Every_json_column_of_every_bar_table_uses_lz4()
    {
        var json = IndicatorCatalogue.Columns.Where(c => c.Kind == IndicatorKind.Json).Select(c => c.Name).ToList();
        var methods = await db.QueryAsync(
            "SELECT c.relname, a.attname, a.attcompression::text FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid " +
            "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND a.atttypid = 'jsonb'::regtype",
            r => (Table: r.GetString(0), Column: r.GetString(1), Method: r.GetString(2)));
        var bars = methods.Where(m => Pair.All.Any(p => p.TableName == m.Table)).ToList();
        Assert.Equal(Pair.All.Count * json.Count, bars.Count);
        Assert.All(bars, m => Assert.True(m.Method == "l", $"{m.Table}.{m.Column} compression '{m.Method}'"));
    }

    [Fact]
    public async Task A_stored_bar_with_large_structures_is_compressed_with_lz4()
    {
        var pair = new Pair("EURUSD", Timeframe.M5);
        var rows = new SyntheticMarket([pair.Symbol]).History(pair.Symbol, 1_641_254_400, 1_641_254_400 + (2 * 86_400L))
            .Select(b => b.ToRecord()).Where(b => b.Timeframe == pair.Timeframe).ToList();
        await new PostgresBarStore(db.DataSource).UpsertAsync(pair, rows, TestContext.Current.CancellationToken);

        // Rows over the TOAST threshold have their largest values compressed: with the column's method.
        var methods = await db.QueryAsync($"SELECT DISTINCT pg_column_compression(fractals) FROM {pair.TableName} WHERE pg_column_compression(fractals) IS NOT NULL",
            r => r.GetString(0));
        Assert.Equal(["lz4"], methods);
    }
}
