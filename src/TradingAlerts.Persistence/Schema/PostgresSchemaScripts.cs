using System.Globalization;
using System.Text;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Persistence.Schema;

/// <summary>
/// Generates the PostgreSQL DDL of <c>sql/</c> from the catalogue, so the 135 bar tables can never disagree
/// with it (the collector file's DDL is <c>CollectorSchemaScript</c> in TradingAlerts.CollectorFile). The files
/// in <c>sql/</c> are this output (a test compares them; <c>TradingAlerts.Collector schema --out sql</c> rewrites them).
/// </summary>
public static class PostgresSchemaScripts
{
    public const string PostgresFile = "postgresql_schema.sql";
    public const string TimescaleFile = "timescaledb_setup.sql";

    private const string GeneratedNote =
        "-- Generated from the catalogue (TradingAlerts.Persistence.Schema.PostgresSchemaScripts); do not edit by hand.\n" +
        "-- Regenerate: dotnet run --project src/TradingAlerts.Collector -- schema --out sql\n";

    /// <summary>The 135 bar tables <c>{symbol}_{tf}</c>, idempotent.</summary>
    public static string Postgres()
    {
        var sql = new StringBuilder();
        sql.Append("-- PostgreSQL bar tables (docs/architecture.md): one per symbol and timeframe, 15 x 9 = 135, idempotent.\n")
           .Append("-- timestamp is the bar open time. TimescaleDB features are in timescaledb_setup.sql.\n")
           .Append("-- JSONB columns use lz4 TOAST compression (PostgreSQL 14+ built with lz4, as the official images are).\n")
           .Append(GeneratedNote);
        foreach (var pair in Pair.All)
        {
            sql.Append('\n').Append(CultureInfo.InvariantCulture, $"CREATE TABLE IF NOT EXISTS {pair.TableName} (\n")
               .Append("    timestamp             TIMESTAMPTZ      PRIMARY KEY,\n")
               .Append("    open                  DOUBLE PRECISION NOT NULL,\n")
               .Append("    high                  DOUBLE PRECISION NOT NULL,\n")
               .Append("    low                   DOUBLE PRECISION NOT NULL,\n")
               .Append("    close                 DOUBLE PRECISION NOT NULL");
            foreach (var column in IndicatorCatalogue.Columns)
            {
                // lz4 TOAST compression for the JSON: faster writes than the default pglz for a few percent more bytes
                // (docs/performance.md "Memory, cold start and storage"); needs PostgreSQL 14+ built with lz4.
                var type = column.Kind == IndicatorKind.Json ? "JSONB COMPRESSION lz4" : "DOUBLE PRECISION";
                sql.Append(CultureInfo.InvariantCulture, $",\n    {column.Name,-21} {type}");
            }

            // Last, so a table created before it and migrated below has the same column order.
            sql.Append(CultureInfo.InvariantCulture, $",\n    {ChangeSeqColumn,-21} {ChangeSeqType}");
            foreach (var (column, type) in VolumeColumns)
            {
                sql.Append(CultureInfo.InvariantCulture, $",\n    {column,-21} {type}");
            }

            sql.Append("\n);\n");
        }

        AppendChangeSeqMigration(sql);
        AppendVolumeMigration(sql);
        return sql.ToString();
    }

    /// <summary>The change position column of every bar table (docs/architecture.md "Change positions").</summary>
    public const string ChangeSeqColumn = "change_seq";

    private const string ChangeSeqType = "BIGINT           NOT NULL DEFAULT 0";

    /// <summary>The index <c>GetChangesSince</c> reads through, per table.</summary>
    public static string ChangeSeqIndex(Pair pair) => pair.TableName + "_change_seq";

    /// <summary>
    /// Tables created before change positions get the column (0: before any position) and every table its index.
    /// Each step looks in the catalogue first, so a database that has both takes no table lock at all (ALTER TABLE
    /// takes an exclusive one even when IF NOT EXISTS finds the column).
    /// </summary>
    private static void AppendChangeSeqMigration(StringBuilder sql)
    {
        sql.Append("\n-- change_seq: added to bar tables created without it, and indexed; each step only where missing.\n")
           .Append("DO $$\n")
           .Append("DECLARE\n")
           .Append("    t text;\n")
           .Append("BEGIN\n")
           .Append("    FOREACH t IN ARRAY ARRAY[\n");
        sql.AppendJoin(",\n", Pair.All.Select(pair => $"        '{pair.TableName}'"))
           .Append("\n    ]\n")
           .Append("    LOOP\n")
           .Append("        IF NOT EXISTS (SELECT 1 FROM information_schema.columns\n")
           .Append(CultureInfo.InvariantCulture, $"                       WHERE table_schema = current_schema() AND table_name = t AND column_name = '{ChangeSeqColumn}') THEN\n")
           .Append(CultureInfo.InvariantCulture, $"            EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS {ChangeSeqColumn} BIGINT NOT NULL DEFAULT 0', t);\n")
           .Append("        END IF;\n")
           .Append("        IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND tablename = t\n")
           .Append(CultureInfo.InvariantCulture, $"                       AND indexname = t || '_{ChangeSeqColumn}') THEN\n")
           .Append(CultureInfo.InvariantCulture, $"            EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I ({ChangeSeqColumn})', t || '_{ChangeSeqColumn}', t);\n")
           .Append("        END IF;\n")
           .Append("    END LOOP;\n")
           .Append("END\n")
           .Append("$$;\n");
    }

    /// <summary>
    /// MT5's tick volume, spread (points) and real volume of each bar, after <see cref="ChangeSeqColumn"/> (added to tables
    /// created before them in that order too). 0 is "none reported": rows from before the columns, brokers without real volume.
    /// </summary>
    public static IReadOnlyList<(string Column, string Type)> VolumeColumns { get; } =
    [
        ("tick_volume", "BIGINT           NOT NULL DEFAULT 0"),
        ("spread", "INTEGER          NOT NULL DEFAULT 0"),
        ("real_volume", "BIGINT           NOT NULL DEFAULT 0"),
    ];

    /// <summary>
    /// Tables created before the volume columns get them, 0 for the rows they hold (a constant default: PostgreSQL 11+
    /// adds such a column without rewriting the table). Looked up first, as for change_seq, so a current database takes
    /// no table lock.
    /// </summary>
    private static void AppendVolumeMigration(StringBuilder sql)
    {
        sql.Append("\n-- tick_volume, spread, real_volume: added to bar tables created without them; each only where missing.\n")
           .Append("DO $$\n")
           .Append("DECLARE\n")
           .Append("    t text;\n")
           .Append("BEGIN\n")
           .Append("    FOREACH t IN ARRAY ARRAY[\n");
        sql.AppendJoin(",\n", Pair.All.Select(pair => $"        '{pair.TableName}'"))
           .Append("\n    ]\n")
           .Append("    LOOP\n");
        foreach (var (column, type) in VolumeColumns)
        {
            var definition = string.Join(' ', type.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            sql.Append("        IF NOT EXISTS (SELECT 1 FROM information_schema.columns\n")
               .Append(CultureInfo.InvariantCulture, $"                       WHERE table_schema = current_schema() AND table_name = t AND column_name = '{column}') THEN\n")
               .Append(CultureInfo.InvariantCulture, $"            EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS {column} {definition}', t);\n")
               .Append("        END IF;\n");
        }

        sql.Append("    END LOOP;\n")
           .Append("END\n")
           .Append("$$;\n");
    }

    /// <summary>
    /// Hypertables, compression, retention and a descending time index for the 135 tables. Needs the
    /// timescaledb extension; the bootstrapper runs it only where the extension is available.
    /// Every step checks what exists first, so a second run changes nothing.
    /// </summary>
    public static string Timescale()
    {
        var sql = new StringBuilder();
        sql.Append("-- TimescaleDB setup for the 135 bar tables; run after postgresql_schema.sql, only where the\n")
           .Append("-- timescaledb extension is available (the bootstrapper checks pg_available_extensions).\n")
           .Append("-- Per timeframe: chunk interval (~2,016 bars), compression of chunks older than two chunks\n")
           .Append("-- (single series per table: no segmentby, ordered by timestamp DESC), retention as in the original design.\n")
           .Append(GeneratedNote)
           .Append('\n')
           .Append("CREATE EXTENSION IF NOT EXISTS timescaledb;\n\n")
           .Append("DO $$\n")
           .Append("DECLARE\n")
           .Append("    t record;\n")
           .Append("BEGIN\n")
           .Append("    FOR t IN SELECT * FROM (VALUES\n");
        var rows = Pair.All.Select(pair =>
        {
            var p = TimeframeStoragePolicy.For(pair.Timeframe);
            return string.Create(CultureInfo.InvariantCulture,
                $"        ('{pair.TableName}', {p.ChunkDays}, {p.CompressAfterDays}, {p.RetentionDays})");
        });
        sql.AppendJoin(",\n", rows)
           .Append("\n    ) AS v(table_name, chunk_days, compress_after_days, retention_days)\n")
           .Append("    LOOP\n")
           .Append("        PERFORM create_hypertable(t.table_name::regclass, 'timestamp',\n")
           .Append("            chunk_time_interval => make_interval(days => t.chunk_days),\n")
           .Append("            if_not_exists => TRUE, migrate_data => TRUE);\n")
           .Append("        IF NOT EXISTS (SELECT 1 FROM timescaledb_information.hypertables h\n")
           .Append("                       WHERE h.hypertable_name = t.table_name AND h.compression_enabled) THEN\n")
           .Append("            EXECUTE format('ALTER TABLE %I SET (timescaledb.compress, timescaledb.compress_orderby = %L)',\n")
           .Append("                           t.table_name, 'timestamp DESC');\n")
           .Append("        END IF;\n")
           .Append("        PERFORM add_compression_policy(t.table_name::regclass, make_interval(days => t.compress_after_days), if_not_exists => TRUE);\n")
           .Append("        PERFORM add_retention_policy(t.table_name::regclass, make_interval(days => t.retention_days), if_not_exists => TRUE);\n")
           .Append("        EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I (timestamp DESC)', t.table_name || '_timestamp_desc', t.table_name);\n")
           .Append("    END LOOP;\n")
           .Append("END\n")
           .Append("$$;\n");
        return sql.ToString();
    }

    /// <summary>The PostgreSQL files by name, for the writer and the drift test.</summary>
    public static IReadOnlyDictionary<string, string> Generated() => new Dictionary<string, string>
    {
        [PostgresFile] = Postgres(),
        [TimescaleFile] = Timescale(),
    };
}
