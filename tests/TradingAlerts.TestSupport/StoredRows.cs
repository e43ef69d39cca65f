using Npgsql;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Persistence.Postgres;

namespace TradingAlerts.TestSupport;

/// <summary>
/// Reads and writes of bar tables that only tests and benchmarks need: every stored column of the latest rows (the
/// grid itself rehydrates through <see cref="PostgresBarStore.RehydrateAsync"/>) and a binary COPY load of many rows.
/// </summary>
public static class StoredRows
{
    /// <summary>The latest <paramref name="count"/> bars of the pair with every column, oldest first.</summary>
    public static async Task<List<BarRecord>> LatestAsync(this NpgsqlDataSource dataSource, Pair pair, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        await using var command = dataSource.CreateCommand(
            $"SELECT * FROM (SELECT timestamp, {BarColumns.ValueList} " +
            $"FROM {pair.TableName} ORDER BY timestamp DESC LIMIT @count) latest ORDER BY timestamp");
        command.Parameters.AddWithValue("count", count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var bars = new List<BarRecord>(Math.Min(count, 10_000));
        while (await reader.ReadAsync(cancellationToken))
        {
            bars.Add(PostgresBarStore.ReadBar(reader, pair.Timeframe, 0));
        }

        return bars;
    }

    /// <summary>
    /// Loads <paramref name="bars"/> by binary COPY into a temporary table and one upsert from it, in one transaction:
    /// the same rows as <see cref="PostgresBarStore.UpsertAsync(Pair, IReadOnlyList{BarRecord}, CancellationToken)"/>,
    /// without change positions, far faster for benchmark data sets.
    /// </summary>
    public static async Task<int> BulkUpsertAsync(this NpgsqlDataSource dataSource, Pair pair, IReadOnlyList<BarRecord> bars, CancellationToken cancellationToken = default)
    {
        var latest = PostgresBarStore.LatestVersions(pair, bars);
        if (latest.Count == 0)
        {
            return 0;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(
            $"CREATE TEMP TABLE bulk_bars (LIKE {pair.TableName} INCLUDING DEFAULTS) ON COMMIT DROP", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var import = await connection.BeginBinaryImportAsync(
            $"COPY bulk_bars (timestamp, {BarColumns.ValueList}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var bar in latest)
            {
                await BarColumns.WriteRowAsync(import, bar, cancellationToken);
            }

            await import.CompleteAsync(cancellationToken);
        }

        int changed;
        await using (var upsert = new NpgsqlCommand(PostgresBarStore.UpsertSql(pair.TableName, $"SELECT timestamp, {BarColumns.ValueList}, {BarColumns.ChangeSeq} FROM bulk_bars"), connection, transaction))
        {
            changed = await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }
}
