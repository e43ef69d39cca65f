using Microsoft.Data.Sqlite;

namespace TradingAlerts.CollectorFile.Sqlite;

/// <summary>
/// Whether the file is intact. Reads touch only the pages on the way to a table's newest rows, so a file damaged
/// elsewhere (truncated, overwritten in the middle) can read fine for minutes; <c>PRAGMA quick_check</c> visits every
/// page (without the index cross-checks of <c>integrity_check</c>), at a cost that grows with the file's size.
/// </summary>
public sealed partial class CollectorReader
{
    /// <summary>Most problems <see cref="QuickCheck"/> words in its reason: the first ones say what is wrong.</summary>
    private const int ReportedProblems = 3;

    /// <summary>Runs <c>PRAGMA quick_check</c> on a fresh connection: null when the file is intact, else what is wrong.</summary>
    /// <exception cref="CollectorFileException">The file is missing, or stayed locked (<see cref="CollectorFileFault.Blocked"/>).</exception>
    public string? QuickCheck()
    {
        if (!File.Exists(Path))
        {
            throw Missing();
        }

        try
        {
            using var connection = new SqliteConnection(FreshConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA quick_check({ReportedProblems})";
            using var reader = command.ExecuteReader();
            var problems = new List<string>();
            while (reader.Read())
            {
                problems.Add(reader.GetString(0));
            }

            return problems is ["ok"] ? null : $"PRAGMA quick_check failed: {string.Join("; ", problems)}";
        }
        catch (SqliteException ex) when (Classify(ex) == CollectorFileFault.Corrupt)
        {
            // Damage bad enough that the check cannot even start (a garbage header, pages beyond the end).
            ReleasePooledConnections();
            return $"PRAGMA quick_check failed: {ex.Message}";
        }
        catch (SqliteException ex)
        {
            throw Fault(ex);
        }
    }
}
