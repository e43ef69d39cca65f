using System.Globalization;
using System.Text;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.CollectorFile.Sqlite;

/// <summary>
/// Generates the collector file's DDL (<c>sql/sqlite_schema.sql</c>) from the catalogue, so the 15 collector
/// tables can never disagree with it (a test compares the committed file; <c>TradingAlerts.Collector schema
/// --out sql</c> rewrites it). The PostgreSQL DDL is generated in TradingAlerts.Persistence.
/// </summary>
public static class CollectorSchemaScript
{
    public const string SqliteFile = "sqlite_schema.sql";

    private const string GeneratedNote =
        "-- Generated from the catalogue (TradingAlerts.CollectorFile.Sqlite.CollectorSchemaScript); do not edit by hand.\n" +
        "-- Regenerate: dotnet run --project src/TradingAlerts.Collector -- schema --out sql\n";

    /// <summary>The collector file's identity table: one row, a random id created with the file.</summary>
    public const string SqliteIdentityTable =
        "CREATE TABLE IF NOT EXISTS collector_file (id INTEGER PRIMARY KEY CHECK (id = 1), file_id TEXT NOT NULL, created_at INTEGER NOT NULL);";

    /// <summary>Gives a new file its identity; a no-op on a file that has one (every writer runs it at open).</summary>
    public const string SqliteIdentityRow =
        "INSERT OR IGNORE INTO collector_file (id, file_id, created_at) VALUES (1, lower(hex(randomblob(16))), CAST(strftime('%s', 'now') AS INTEGER) * 1000);";

    /// <summary>
    /// The bar's volume columns (MT5's MqlRates tick_volume, spread, real_volume), last in the table: a file written before
    /// them gets them by <c>ALTER TABLE … ADD COLUMN</c> (<see cref="SqliteCollectorSchema.EnsureCreated"/>, the MQL5 service)
    /// with 0 for the rows it holds, and a reader reads them as 0 while they are missing.
    /// </summary>
    public static IReadOnlyList<string> VolumeColumns { get; } = ["tick_volume", "spread", "real_volume"];

    /// <summary>The type of each of <see cref="VolumeColumns"/>, in a CREATE TABLE and in an ADD COLUMN alike.</summary>
    public const string VolumeColumnType = "INTEGER NOT NULL DEFAULT 0";

    /// <summary>SQLite table name of a symbol in a collector file: the catalogue symbol itself.</summary>
    public static string SqliteTable(string symbol) =>
        Symbols.IsKnown(symbol) ? symbol : throw new ArgumentException($"Invalid symbol: {symbol}", nameof(symbol));

    /// <summary>The collector file's schema: one table per symbol holding all nine timeframes.</summary>
    public static string Sqlite()
    {
        var sql = new StringBuilder();
        sql.Append("-- SQLite schema of a collector file (docs/architecture.md): one table per symbol, all nine timeframes,\n")
           .Append("-- each timeframe with indicators computed on that timeframe. seq is max(seq)+1 on every insert\n")
           .Append("-- or update, so a reader tails changes with seq > cursor; written_at is unix ms UTC of the write.\n")
           .Append("-- tick_volume, spread (points) and real_volume are MT5's MqlRates fields of the bar; a file created before\n")
           .Append("-- them gets them by ALTER TABLE ADD COLUMN (0 for the rows it holds).\n")
           .Append(GeneratedNote)
           .Append('\n')
           .Append("PRAGMA journal_mode = WAL;\n")
           .Append('\n')
           .Append("-- The file's identity, created with it (created_at in unix ms UTC): a file recreated, restored or\n")
           .Append("-- replaced at the same path has another id, so a reader never takes its seq for the old file's.\n")
           .Append(SqliteIdentityTable).Append('\n')
           .Append(SqliteIdentityRow).Append('\n');
        foreach (var symbol in Symbols.All)
        {
            sql.Append('\n').Append(CultureInfo.InvariantCulture, $"CREATE TABLE IF NOT EXISTS {symbol} (\n")
               .Append("    timeframe             TEXT    NOT NULL,\n")
               .Append("    timestamp             INTEGER NOT NULL,\n")
               .Append("    open                  REAL    NOT NULL,\n")
               .Append("    high                  REAL    NOT NULL,\n")
               .Append("    low                   REAL    NOT NULL,\n")
               .Append("    close                 REAL    NOT NULL,\n");
            foreach (var column in IndicatorCatalogue.Columns)
            {
                var type = column.Kind == IndicatorKind.Json ? "TEXT" : "REAL";
                sql.Append(CultureInfo.InvariantCulture, $"    {column.Name,-21} {type},\n");
            }

            sql.Append("    seq                   INTEGER NOT NULL,\n")
               .Append("    written_at            INTEGER NOT NULL,\n");
            foreach (var column in VolumeColumns)
            {
                sql.Append(CultureInfo.InvariantCulture, $"    {column,-21} {VolumeColumnType},\n");
            }

            sql               .Append("    PRIMARY KEY (timeframe, timestamp)\n")
               .Append(");\n")
               .Append(CultureInfo.InvariantCulture, $"CREATE UNIQUE INDEX IF NOT EXISTS idx_{symbol.ToLowerInvariant()}_seq ON {symbol} (seq);\n");
        }

        return sql.ToString();
    }
}
