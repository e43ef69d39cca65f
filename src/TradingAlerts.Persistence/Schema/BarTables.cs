using Npgsql;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Persistence.Schema;

/// <summary>Which of the catalogue's 135 bar tables exist in the current schema (names from the catalogue only).</summary>
public static class BarTables
{
    internal static readonly string[] Names = [.. Pair.All.Select(p => p.TableName)];

    public static async Task<HashSet<string>> ExistingAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ANY(@tables)", connection);
        command.Parameters.AddWithValue("tables", Names);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var existing = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            existing.Add(reader.GetString(0));
        }

        return existing;
    }
}
