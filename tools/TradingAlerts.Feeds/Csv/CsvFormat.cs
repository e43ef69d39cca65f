namespace TradingAlerts.Feeds.Csv;

/// <summary>The history export formats <see cref="HistoryCsvReader"/> understands.</summary>
public enum CsvFormat
{
    /// <summary>MT5 "Export bars": tab-separated <c>Time Open High Low Close Volume</c>, time "yyyy-MM-dd HH:mm:ss" (or "yyyy.MM.dd HH:mm"), lines possibly quoted.</summary>
    Mt5,

    /// <summary>HistData generic ASCII: <c>yyyyMMdd HHmmss;open;high;low;close;volume</c>.</summary>
    HistDataAscii,

    /// <summary>HistData MetaTrader: <c>yyyy.MM.dd,HH:mm,open,high,low,close,volume</c>.</summary>
    HistDataMetaTrader,
}
