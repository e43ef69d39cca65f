namespace TradingAlerts.Abstractions.Catalogue;

/// <summary>How an indicator column is stored: a JSON document or one number per bar.</summary>
public enum IndicatorKind
{
    Json,
    Number,
}

/// <summary>
/// One indicator column of a bar row, as named in SQLite, PostgreSQL and the API.
/// </summary>
/// <param name="Name">Column and JSON property name, e.g. "keltner_channels".</param>
/// <param name="Kind">JSON document or a per-bar number.</param>
/// <param name="ProOnly">True when FREE callers receive it empty.</param>
public sealed record IndicatorColumn(string Name, IndicatorKind Kind, bool ProOnly);
