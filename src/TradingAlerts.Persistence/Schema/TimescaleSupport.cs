namespace TradingAlerts.Persistence.Schema;

/// <summary>What the server offers for the TimescaleDB step of the schema.</summary>
public enum TimescaleSupport
{
    /// <summary><c>timescaledb</c> is not in <c>pg_available_extensions</c> (plain PostgreSQL): skipped.</summary>
    NotAvailable,

    /// <summary>
    /// Installed but not in <c>shared_preload_libraries</c>: skipped, because <c>CREATE EXTENSION timescaledb</c>
    /// without the preload ends the server process serving the session (the connection is lost).
    /// </summary>
    NotPreloaded,

    /// <summary>Installed and preloaded: <c>timescaledb_setup.sql</c> is applied.</summary>
    Ready,
}

/// <summary>The decision, from the two facts the server reports.</summary>
public static class TimescaleCheck
{
    public const string Library = "timescaledb";

    /// <param name="available">Whether <c>timescaledb</c> is in <c>pg_available_extensions</c>.</param>
    /// <param name="sharedPreloadLibraries">The value of <c>SHOW shared_preload_libraries</c> (comma-separated, names possibly quoted or with a path).</param>
    public static TimescaleSupport Decide(bool available, string? sharedPreloadLibraries) =>
        !available ? TimescaleSupport.NotAvailable
        : IsPreloaded(sharedPreloadLibraries) ? TimescaleSupport.Ready
        : TimescaleSupport.NotPreloaded;

    /// <summary>True when one entry of the list names the timescaledb library (<c>timescaledb</c>, <c>'$libdir/timescaledb'</c>, <c>"timescaledb.so"</c>).</summary>
    public static bool IsPreloaded(string? sharedPreloadLibraries) =>
        (sharedPreloadLibraries ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Trim('"', '\'', ' '))
            .Select(entry => entry[(entry.LastIndexOf('/') + 1)..])
            .Select(entry => entry.EndsWith(".so", StringComparison.OrdinalIgnoreCase) ? entry[..^3] : entry)
            .Any(entry => string.Equals(entry, Library, StringComparison.OrdinalIgnoreCase));
}
