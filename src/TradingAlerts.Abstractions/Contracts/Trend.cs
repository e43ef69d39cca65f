namespace TradingAlerts.Abstractions.Contracts;

/// <summary>Direction of one timeframe's signals.</summary>
public enum Trend
{
    Neutral,
    Bullish,
    Bearish,
}
