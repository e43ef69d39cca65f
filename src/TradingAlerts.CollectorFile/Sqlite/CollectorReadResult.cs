using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.CollectorFile.Sqlite;

/// <summary>One bounded read of a symbol's changes.</summary>
/// <param name="Rows">Valid rows, in seq order.</param>
/// <param name="Quarantined">Rows that failed validation, in seq order.</param>
/// <param name="LastSeq">Highest seq read (valid or not); the cursor to continue from. Equals the input cursor when nothing was read.</param>
/// <param name="TableFound">False when the file has no table for the symbol (yet): nothing to read, not an error.</param>
public sealed record CollectorReadResult(
    string Symbol,
    IReadOnlyList<BarRecord> Rows,
    IReadOnlyList<QuarantinedRow> Quarantined,
    long LastSeq,
    bool TableFound)
{
    /// <summary>Rows read in all, valid or not.</summary>
    public int Count => Rows.Count + Quarantined.Count;
}
