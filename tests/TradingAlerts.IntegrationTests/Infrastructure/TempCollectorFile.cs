using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Feeds;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.IntegrationTests.Infrastructure;

/// <summary>A collector file of synthetic history in the temp folder, deleted (with its WAL files) afterwards.</summary>
public sealed class TempCollectorFile : IDisposable
{
    private static readonly long Start = new DateTimeOffset(2022, 1, 4, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ta-collector-{Guid.NewGuid():N}.db");

    /// <summary>Writes <paramref name="days"/> of history from 2022-01-04 for the symbols; returns the rows written.</summary>
    public int WriteHistory(int days, params string[] symbols)
    {
        using var writer = new CollectorWriter(Path);
        return (int)new SyntheticFeed(writer, new SyntheticMarket(symbols)).WriteHistory(Start, Start + (days * 86_400L)).RowsWritten;
    }

    /// <summary>SQL counting the rows of every timeframe table of the symbols.</summary>
    public static string CountSql(IEnumerable<string> symbols) =>
        "SELECT " + string.Join(" + ", symbols.SelectMany(s => Timeframes.All.Select(tf => $"(SELECT count(*) FROM {new Pair(s, tf).TableName})")));

    /// <summary>Waits (bounded) until the symbols' tables hold at least <paramref name="rows"/> rows; returns the count.</summary>
    public static async Task<long> WaitForRowsAsync(PostgresDatabase db, IEnumerable<string> symbols, long rows)
    {
        var list = symbols.ToList();
        var sql = CountSql(list);
        return await Eventually.UntilAsync($"{rows} rows of {string.Join(", ", list)} in PostgreSQL",
            () => db.ScalarAsync<long>(sql), count => count >= rows, TimeSpan.FromSeconds(180), TimeSpan.FromMilliseconds(20));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm", Path + CollectorQuarantine.Suffix }.Where(File.Exists))
        {
            File.Delete(file);
        }
    }
}
