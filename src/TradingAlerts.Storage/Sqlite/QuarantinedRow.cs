namespace TradingAlerts.Storage.Sqlite;

/// <summary>A collector row that failed validation: skipped (the cursor passes it), counted and logged.</summary>
/// <param name="Symbol">Catalogue symbol (table) the row is in.</param>
/// <param name="Seq">Its change sequence number.</param>
/// <param name="Timeframe">The timeframe text as stored, if readable.</param>
/// <param name="Timestamp">The bar time as stored, if readable.</param>
/// <param name="Reason">Why it was rejected, naming the column.</param>
public sealed record QuarantinedRow(string Symbol, long Seq, string? Timeframe, long? Timestamp, string Reason);
