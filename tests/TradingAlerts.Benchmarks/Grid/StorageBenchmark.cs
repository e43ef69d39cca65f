using System.Diagnostics;
using System.Globalization;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Persistence.Postgres;

namespace TradingAlerts.Benchmarks.Grid;

/// <summary>
/// TOAST compression of the JSONB columns, pglz (PostgreSQL's default) against lz4, on the same rows in the same
/// run: the grid's write path (PostgresBarStore upserts of 500 rows), bytes on disk (heap, TOAST, index) and a
/// rehydration read of every pair. Fresh databases, alternating, <c>rounds</c> times each.
/// </summary>
internal static class StorageBenchmark
{
    /// <summary>
    /// An estimate of columnar compression as TimescaleDB does it (not installable here): every column of 1,000
    /// consecutive rows stored as one array, so the compressor sees a column's values together; the bytes on disk.
    /// </summary>
    private static async Task<long> SegmentedSizeAsync(ThrowawayDatabase db, string method)
    {
        var columns = new[] { "timestamp", "open", "high", "low", "close" }.Concat(IndicatorCatalogue.Columns.Select(c => c.Name)).ToList();
        var types = new[] { "timestamptz", "float8", "float8", "float8", "float8" }
            .Concat(IndicatorCatalogue.Columns.Select(c => c.Kind == IndicatorKind.Json ? "jsonb" : "float8")).ToList();
        var sql = $"CREATE TABLE segments ({string.Join(", ", columns.Select((c, i) => $"{c} {types[i]}[] COMPRESSION {method}"))});\n" +
            string.Join(";\n", Pair.All.Select(p =>
                $"INSERT INTO segments SELECT {string.Join(", ", columns.Select(c => $"array_agg({c} ORDER BY timestamp)"))} " +
                $"FROM (SELECT *, (row_number() OVER (ORDER BY timestamp) - 1) / 1000 AS segment FROM {p.TableName}) s GROUP BY segment"));
        await using (var command = db.DataSource.CreateCommand(sql))
        {
            command.CommandTimeout = 600;
            await command.ExecuteNonQueryAsync();
        }

        return await db.ScalarAsync<long>("SELECT pg_total_relation_size('segments')");
    }

    public static async Task RunAsync(string admin, Dictionary<string, List<BarRecord>> rows, int rounds, TextWriter output)
    {
        var total = rows.Values.Sum(r => r.Count);
        var jsonColumns = IndicatorCatalogue.Columns.Where(c => c.Kind == IndicatorKind.Json).Select(c => c.Name).ToList();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var method in new[] { "pglz", "lz4" })
            {
                await using var db = await ThrowawayDatabase.CreateAsync($"bench_{method}", DatabaseContent.Schema, admin);
                // The schema may already name a method: set this run's on every JSONB column of every table.
                var alter = string.Join(";\n", Pair.All.Select(p =>
                    $"ALTER TABLE {p.TableName} {string.Join(", ", jsonColumns.Select(c => $"ALTER COLUMN {c} SET COMPRESSION {method}"))}"));
                await using (var command = db.DataSource.CreateCommand(alter))
                {
                    await command.ExecuteNonQueryAsync();
                }

                var store = new PostgresBarStore(db.DataSource);
                var write = Stopwatch.StartNew();
                await Task.WhenAll(rows.Select(async entry =>
                {
                    foreach (var pair in entry.Value.GroupBy(b => b.Timeframe))
                    {
                        foreach (var chunk in pair.Chunk(500))
                        {
                            await store.UpsertAsync(new Pair(entry.Key, pair.Key), chunk);
                        }
                    }
                }));
                write.Stop();

                var sizes = await db.QueryAsync(
                    "SELECT sum(pg_total_relation_size(c.oid))::bigint, sum(pg_relation_size(c.oid))::bigint, " +
                    "sum(coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0))::bigint, sum(pg_indexes_size(c.oid))::bigint " +
                    "FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace AND c.relname = ANY(@t)".Replace("@t", "ARRAY[" + string.Join(", ", Pair.All.Select(p => $"'{p.TableName}'")) + "]", StringComparison.Ordinal),
                    r => (Total: r.GetInt64(0), Heap: r.GetInt64(1), Toast: r.GetInt64(2), Index: r.GetInt64(3)));
                var (size, heap, toast, index) = sizes[0];

                var read = Stopwatch.StartNew();
                var bars = 0;
                foreach (var pair in Pair.All)
                {
                    await foreach (var _ in store.RehydrateAsync(pair, 10_000))
                    {
                        bars++;
                    }
                }

                read.Stop();
                var full = Stopwatch.StartNew();
                foreach (var pair in Pair.All)
                {
                    bars += (await db.DataSource.LatestAsync(pair, 10_000)).Count * 0;
                }

                full.Stop();
                var segmented = await SegmentedSizeAsync(db, method);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"storage {method,-4} round {round}: write {total / write.Elapsed.TotalSeconds,7:N0} rows/s; {size / 1_048_576.0:0} MB " +
                    $"(heap {heap / 1_048_576.0:0}, TOAST {toast / 1_048_576.0:0}, indexes {index / 1_048_576.0:0}) = {(double)size / total:N0} bytes/row; " +
                    $"rehydration read of all pairs {read.Elapsed.TotalSeconds:0.0} s ({bars:N0} bars), full-row read {full.Elapsed.TotalSeconds:0.0} s; " +
                    $"as 1,000-row column segments (a TimescaleDB-style estimate) {segmented / 1_048_576.0:0} MB = {(double)segmented / total:N0} bytes/row"));
            }
        }
    }
}
