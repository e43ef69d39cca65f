using System.Reflection;
using Npgsql;
using NpgsqlTypes;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.AlertEngine.Rules;

namespace TradingAlerts.AlertEngine.Outbox;

/// <summary>
/// The outbox and rule state in PostgreSQL (sql/alert_engine.sql). An alert row is written before any delivery, in
/// the transaction that moves its pair's resume position past it: after a crash either both are there or neither.
/// </summary>
public sealed class PostgresAlertStore(NpgsqlDataSource db, bool webhook) : IAlertStore
{
    private const string InsertAlerts = """
        INSERT INTO alert_outbox (id, body, status)
        SELECT a.id, a.body, @status FROM unnest(@ids, @bodies) AS a(id, body)
        ON CONFLICT (id) DO NOTHING
        RETURNING id
        """;

    private const string UpsertPairs = """
        INSERT INTO alert_pair_state (pair, resume, bar_time, bar_close, keltner, updated_at)
        SELECT * , now() FROM unnest(@pairs, @resumes, @times, @closes, @keltners)
        ON CONFLICT (pair) DO UPDATE SET resume = excluded.resume, bar_time = excluded.bar_time, bar_close = excluded.bar_close,
            keltner = excluded.keltner, updated_at = excluded.updated_at
        """;

    private const string UpsertConfluence = """
        INSERT INTO alert_confluence_state (symbol, above, data_time, updated_at)
        SELECT *, now() FROM unnest(@symbols, @above, @times)
        ON CONFLICT (symbol) DO UPDATE SET above = excluded.above, data_time = excluded.data_time, updated_at = excluded.updated_at
        """;

    public static string Schema()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("alert_engine.sql")
            ?? throw new InvalidOperationException("alert_engine.sql is not embedded in the engine");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async Task<StoredState> LoadAsync(CancellationToken cancellationToken)
    {
        await using (var schema = db.CreateCommand(Schema()))
        {
            await schema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var pairs = new Dictionary<Pair, PairRuleState>();
        await using (var command = db.CreateCommand("SELECT pair, resume, bar_time, bar_close, keltner FROM alert_pair_state"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (Pair.TryParseKey(reader.GetString(0), out var pair))
                {
                    pairs[pair.Value] = new PairRuleState(reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetDouble(3),
                        reader.IsDBNull(4) ? null : reader.GetInt16(4));
                }
            }
        }

        var confluence = new Dictionary<string, ConfluenceRuleState>(StringComparer.Ordinal);
        await using (var command = db.CreateCommand("SELECT symbol, above, data_time FROM alert_confluence_state"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                confluence[reader.GetString(0)] = new ConfluenceRuleState(reader.GetBoolean(1), reader.GetInt64(2));
            }
        }

        return new StoredState(pairs, confluence);
    }

    public async Task<IReadOnlyList<Alert>> CommitAsync(IReadOnlyList<Alert> alerts, IReadOnlyDictionary<Pair, PairRuleState> pairs,
        IReadOnlyDictionary<string, ConfluenceRuleState> confluence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(confluence);
        await using var connection = await db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        if (alerts.Count > 0)
        {
            await using var insert = new NpgsqlCommand(InsertAlerts, connection, transaction);
            insert.Parameters.AddWithValue("status", webhook ? "pending" : "none");
            insert.Parameters.AddWithValue("ids", alerts.Select(a => a.Id).ToArray());
            insert.Parameters.AddWithValue("bodies", alerts.Select(AlertJson.Serialize).ToArray());
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                inserted.Add(reader.GetString(0));
            }
        }

        if (pairs.Count > 0)
        {
            var states = pairs.ToArray();
            await using var upsert = new NpgsqlCommand(UpsertPairs, connection, transaction);
            upsert.Parameters.AddWithValue("pairs", states.Select(p => p.Key.Key).ToArray());
            upsert.Parameters.AddWithValue("resumes", states.Select(p => p.Value.Resume).ToArray());
            upsert.Parameters.Add(new NpgsqlParameter("times", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = states.Select(p => p.Value.Time).ToArray() });
            upsert.Parameters.AddWithValue("closes", states.Select(p => p.Value.Close).ToArray());
            upsert.Parameters.Add(new NpgsqlParameter("keltners", NpgsqlDbType.Array | NpgsqlDbType.Smallint) { Value = states.Select(p => (short?)p.Value.Keltner).ToArray() });
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (confluence.Count > 0)
        {
            var states = confluence.ToArray();
            await using var upsert = new NpgsqlCommand(UpsertConfluence, connection, transaction);
            upsert.Parameters.AddWithValue("symbols", states.Select(s => s.Key).ToArray());
            upsert.Parameters.AddWithValue("above", states.Select(s => s.Value.Above).ToArray());
            upsert.Parameters.AddWithValue("times", states.Select(s => s.Value.Time).ToArray());
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return [.. alerts.Where(a => inserted.Remove(a.Id))];
    }
}
