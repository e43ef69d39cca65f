namespace TradingAlerts.CollectorFile.Sqlite;

/// <summary>A collector row that failed validation: recorded with its reason, counted and logged, then passed by the cursor.</summary>
/// <param name="Symbol">Catalogue symbol (table) the row is in.</param>
/// <param name="Seq">Its change sequence number.</param>
/// <param name="Timeframe">The timeframe text as stored, if readable.</param>
/// <param name="Timestamp">The bar time as stored, if readable.</param>
/// <param name="Reason">Why it was rejected, naming the column (and the JSON path inside it).</param>
/// <param name="WrittenAtMs">The row's <c>written_at</c>, if readable.</param>
/// <param name="Row">The row's columns as stored, as a JSON object, so an operator sees exactly what was refused.</param>
public sealed record QuarantinedRow(
    string Symbol, long Seq, string? Timeframe, long? Timestamp, string Reason, long? WrittenAtMs = null, string? Row = null);
