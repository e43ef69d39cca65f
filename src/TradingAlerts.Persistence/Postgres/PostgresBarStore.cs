using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Ports;

namespace TradingAlerts.Persistence.Postgres;

/// <summary>
/// The write-through store: bars of one pair in its <c>{symbol}_{tf}</c> table, keyed by bar time.
/// Every write is an idempotent upsert (re-delivery is harmless), a whole call is one statement, and a
/// rewrite that changes nothing leaves the row alone. Table names come only from <see cref="Pair"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The semaphore's wait handle is never created; the store lives as long as the silo.")]
public sealed class PostgresBarStore(NpgsqlDataSource dataSource, IOptions<GridOptions> options) : IBarStore
{
    /// <summary>
    /// Rehydrations of this silo running now (<see cref="GridOptions.RehydrationConcurrency"/> at most). Never disposed:
    /// a SemaphoreSlim only needs it once its wait handle was asked for, and the store lives as long as the silo.
    /// </summary>
    private readonly SemaphoreSlim _rehydrations = new(options.Value.RehydrationConcurrency);

    /// <summary>A store with the default <see cref="GridOptions"/> (tools and tests outside a silo).</summary>
    public PostgresBarStore(NpgsqlDataSource dataSource)
        : this(dataSource, Options.Create(new GridOptions()))
    {
    }

    public bool IsDurable => true;

    /// <summary>
    /// Upserts <paramref name="bars"/> in one statement (arrays unnested server-side). When a bar time
    /// occurs more than once, the version with the highest seq wins, as it would in the collector file.
    /// A bar with an entry in <paramref name="positions"/> (by bar time) is written with that change position;
    /// the others keep the row's (0 for a new row) while their values are written as always.
    /// </summary>
    /// <returns>Rows inserted or changed.</returns>
    public async Task<int> UpsertAsync(Pair pair, IReadOnlyList<BarRecord> bars, IReadOnlyDictionary<long, long>? positions, CancellationToken cancellationToken = default)
    {
        var latest = LatestVersions(pair, bars);
        if (latest.Count == 0)
        {
            return 0;
        }

        await using var command = dataSource.CreateCommand(UpsertSql(pair.TableName, BarColumns.UnnestSource));
        BarColumns.AddArrays(command.Parameters, latest, positions);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Upserts without change positions (tools, tests): rows keep theirs, new rows get 0.</summary>
    public Task<int> UpsertAsync(Pair pair, IReadOnlyList<BarRecord> bars, CancellationToken cancellationToken = default) =>
        UpsertAsync(pair, bars, null, cancellationToken);

    /// <summary>The pair's highest change position written (0 when none): where a new activation continues.</summary>
    public async Task<long> PositionAsync(Pair pair, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT COALESCE(max({BarColumns.ChangeSeq}), 0) FROM {pair.TableName}");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Rows whose change position is in (<paramref name="after"/>, <paramref name="upTo"/>], ordered by it, at most
    /// <paramref name="max"/>, every column: one range scan of the change_seq index. A row holds only its newest
    /// version, so a bar changed several times in the range comes once, at its newest position.
    /// </summary>
    public async Task<List<StoredBar>> ChangesSinceAsync(Pair pair, long after, long upTo, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var command = dataSource.CreateCommand(
            $"SELECT timestamp, {BarColumns.ValueList}, {BarColumns.ChangeSeq} FROM {pair.TableName} " +
            $"WHERE {BarColumns.ChangeSeq} > @after AND {BarColumns.ChangeSeq} <= @upTo ORDER BY {BarColumns.ChangeSeq} LIMIT @max");
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("upTo", upTo);
        command.Parameters.AddWithValue("max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var bars = new List<StoredBar>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            bars.Add(ReadStored(reader, pair.Timeframe));
        }

        return bars;
    }

    /// <summary>
    /// Rehydration, one query per pair, streamed row by row: every bar's prices, numbers and momentum candle, and the
    /// structure columns of the newest row only (the JSON of older bars is never sent: a grain keeps only numbers). The
    /// enumeration holds one of <see cref="GridOptions.RehydrationConcurrency"/> slots from its first row to its end.
    /// </summary>
    public async IAsyncEnumerable<StoredBar> RehydrateAsync(Pair pair, int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        await _rehydrations.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = dataSource.CreateCommand(RehydrateSql(pair.TableName));
            command.Parameters.AddWithValue("count", count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return ReadStored(reader, pair.Timeframe);
            }
        }
        finally
        {
            _rehydrations.Release();
        }
    }

    /// <summary>
    /// The bars a confluence at <paramref name="time"/> stands on, in one statement: per timeframe an index scan
    /// backwards from <paramref name="time"/> (<c>ORDER BY timestamp DESC LIMIT n</c>), the nine joined by UNION ALL.
    /// </summary>
    public async Task<Dictionary<Timeframe, List<BarRecord>>> AtAsync(string symbol, long time, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var pairs = Timeframes.All.Select(tf => new Pair(symbol, tf)).ToArray(); // throws for a symbol outside the catalogue
        await using var command = dataSource.CreateCommand(string.Join("\nUNION ALL\n", pairs.Select((pair, i) =>
            $"(SELECT {i} AS tf, timestamp, {BarColumns.ValueList} FROM {pair.TableName} " +
            "WHERE timestamp <= @at ORDER BY timestamp DESC LIMIT @count)")));
        command.Parameters.AddWithValue("at", NpgsqlDbType.TimestampTz, DateTime.UnixEpoch.AddSeconds(time));
        command.Parameters.AddWithValue("count", count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var bars = new Dictionary<Timeframe, List<BarRecord>>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var timeframe = pairs[reader.GetInt32(0)].Timeframe;
            if (!bars.TryGetValue(timeframe, out var list))
            {
                bars[timeframe] = list = [];
            }

            list.Add(ReadBar(reader, timeframe, 1));
        }

        foreach (var list in bars.Values)
        {
            list.Sort((a, b) => a.Time.CompareTo(b.Time));
        }

        return bars;
    }

    /// <summary>
    /// History by time range in one statement: an index scan backwards from <paramref name="newest"/> (<c>ORDER BY timestamp DESC
    /// LIMIT n</c>), put back in time order around it, rows streamed through <see cref="ReadBar"/> as they arrive; prices,
    /// numbers and momentum candles of every bar, the structure columns null (as <see cref="RehydrateSql"/> does for all but the newest).
    /// </summary>
    public async IAsyncEnumerable<BarRecord> RangeAsync(Pair pair, long oldest, long newest, int limit, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // The structures are the latest bar's only (the API takes them from the grain): their TOAST is neither read nor sent.
        var structures = IndicatorCatalogue.Columns.Where(c => c.Kind == IndicatorKind.Json && c.Form == IndicatorForm.Latest).Select(c => c.Name).ToHashSet();
        var selected = string.Join(", ", BarColumns.Values.Select(c => structures.Contains(c) ? $"NULL AS {c}" : c));
        await using var command = dataSource.CreateCommand(
            $"SELECT * FROM (SELECT timestamp, {selected} FROM {pair.TableName} " +
            "WHERE timestamp >= @from AND timestamp <= @to ORDER BY timestamp DESC LIMIT @limit) r ORDER BY timestamp");
        command.Parameters.AddWithValue("from", NpgsqlDbType.TimestampTz, DateTime.UnixEpoch.AddSeconds(oldest));
        command.Parameters.AddWithValue("to", NpgsqlDbType.TimestampTz, DateTime.UnixEpoch.AddSeconds(newest));
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadBar(reader, pair.Timeframe, 0);
        }
    }

    /// <summary>The newest stored bar time before <paramref name="time"/>: one step of the timestamp index.</summary>
    public async Task<long?> BeforeAsync(Pair pair, long time, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT max(timestamp) FROM {pair.TableName} WHERE timestamp < @at");
        command.Parameters.AddWithValue("at", NpgsqlDbType.TimestampTz, DateTime.UnixEpoch.AddSeconds(time));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is DateTime at
            ? new DateTimeOffset(at).ToUnixTimeSeconds()
            : null;
    }

    /// <summary>One row of <c>timestamp, open…close, the catalogue's indicator columns</c> starting at column <paramref name="first"/>.</summary>
    internal static BarRecord ReadBar(NpgsqlDataReader reader, Timeframe timeframe, int first)
    {
        var time = new DateTimeOffset(reader.GetFieldValue<DateTime>(first)).ToUnixTimeSeconds();
        return new BarRecord(timeframe, time, reader.GetDouble(first + 1), reader.GetDouble(first + 2), reader.GetDouble(first + 3), reader.GetDouble(first + 4),
            BarColumns.ReadIndicators(reader, first + BarColumns.FirstIndicator),
            Seq: 0, WrittenAtMs: 0, reader.GetInt64(first + BarColumns.FirstVolume), reader.GetInt32(first + BarColumns.FirstVolume + 1), reader.GetInt64(first + BarColumns.FirstVolume + 2));
    }

    /// <summary>A row of <c>timestamp, <see cref="BarColumns.ValueList"/>, change_seq</c>.</summary>
    private static StoredBar ReadStored(NpgsqlDataReader reader, Timeframe timeframe) =>
        new(reader.GetInt64(1 + BarColumns.Values.Count), ReadBar(reader, timeframe, 0));

    /// <summary>
    /// The rows <see cref="ReadStored"/> reads, newest <c>@count</c> by an index scan backwards: the structure columns
    /// are NULL except on the newest row, so their TOAST is neither read nor sent for the others.
    /// </summary>
    private static string RehydrateSql(string table)
    {
        // The structures (JSON columns served for the latest bar only); series columns (momentum) every bar keeps.
        var structures = IndicatorCatalogue.Columns.Where(c => c.Kind == IndicatorKind.Json && c.Form == IndicatorForm.Latest).Select(c => c.Name).ToHashSet();
        var selected = BarColumns.Values.Select(c => structures.Contains(c) ? $"CASE WHEN newest THEN {c} END AS {c}" : c);
        return $"SELECT timestamp, {string.Join(", ", selected)}, {BarColumns.ChangeSeq} FROM (SELECT timestamp, {BarColumns.ValueList}, {BarColumns.ChangeSeq}, " +
            $"row_number() OVER (ORDER BY timestamp DESC) = 1 AS newest FROM {table} ORDER BY timestamp DESC LIMIT @count) latest ORDER BY timestamp";
    }

    /// <summary>
    /// Values are written when they differ; a change position when it is above the row's (positions only grow, so a
    /// source row with 0, a bar the grain did not count as changed, keeps the row's own).
    /// </summary>
    internal static string UpsertSql(string table, string source) =>
        $"INSERT INTO {table} AS t (timestamp, {BarColumns.ValueList}, {BarColumns.ChangeSeq}) {source}\n" +
        $"ON CONFLICT (timestamp) DO UPDATE SET {string.Join(", ", BarColumns.Values.Select(c => $"{c} = excluded.{c}"))}, " +
        $"{BarColumns.ChangeSeq} = GREATEST(t.{BarColumns.ChangeSeq}, excluded.{BarColumns.ChangeSeq})\n" +
        $"WHERE ({string.Join(", ", BarColumns.Values.Select(c => "t." + c))}) IS DISTINCT FROM ({string.Join(", ", BarColumns.Values.Select(c => "excluded." + c))})" +
        $" OR excluded.{BarColumns.ChangeSeq} > t.{BarColumns.ChangeSeq}";

    internal static List<BarRecord> LatestVersions(Pair pair, IReadOnlyList<BarRecord> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var byTime = new Dictionary<long, BarRecord>(bars.Count);
        foreach (var bar in bars)
        {
            if (bar.Timeframe != pair.Timeframe)
            {
                throw new ArgumentException($"{bar.Timeframe.Name()} bar at {bar.Time} does not belong to {pair.Key}", nameof(bars));
            }

            if (!byTime.TryGetValue(bar.Time, out var existing) || bar.Seq >= existing.Seq)
            {
                byTime[bar.Time] = bar;
            }
        }

        return [.. byTime.Values.OrderBy(b => b.Time)];
    }
}
