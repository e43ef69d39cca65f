namespace TradingAlerts.Abstractions.Catalogue;

/// <summary>
/// The nine bar timeframes the grid carries. The underlying value is the bar duration in seconds,
/// so a timeframe needs no lookup to be turned into a duration.
/// </summary>
public enum Timeframe
{
    M5 = 300,
    M15 = 900,
    M30 = 1_800,
    H1 = 3_600,
    H2 = 7_200,
    H4 = 14_400,
    H8 = 28_800,
    H12 = 43_200,
    D1 = 86_400,
}
