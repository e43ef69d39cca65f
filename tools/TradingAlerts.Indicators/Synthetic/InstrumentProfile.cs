namespace TradingAlerts.Indicators.Synthetic;

/// <summary>Price scale of an instrument for synthetic feeds: a starting price, its decimals and M5 volatility.</summary>
/// <param name="Start">A typical price.</param>
/// <param name="Decimals">Quoted decimals (5 for EURUSD, 3 for JPY pairs, 2 for gold …).</param>
/// <param name="M5Volatility">Standard deviation of one M5 close-to-close move, as a fraction of price.</param>
public sealed record InstrumentProfile(string Symbol, double Start, int Decimals, double M5Volatility)
{
    public static IReadOnlyDictionary<string, InstrumentProfile> All { get; } = new Dictionary<string, InstrumentProfile>
    {
        ["AUDJPY"] = new("AUDJPY", 83.500, 3, 0.0004),
        ["AUDUSD"] = new("AUDUSD", 0.72000, 5, 0.0004),
        ["BTCUSD"] = new("BTCUSD", 46000.00, 2, 0.0020),
        ["ETHUSD"] = new("ETHUSD", 3700.00, 2, 0.0025),
        ["EURUSD"] = new("EURUSD", 1.13000, 5, 0.0003),
        ["GBPJPY"] = new("GBPJPY", 155.500, 3, 0.0004),
        ["GBPUSD"] = new("GBPUSD", 1.35000, 5, 0.0003),
        ["NDX100"] = new("NDX100", 16200.0, 1, 0.0010),
        ["NZDUSD"] = new("NZDUSD", 0.68000, 5, 0.0004),
        ["US30"] = new("US30", 36300.0, 1, 0.0008),
        ["USDCAD"] = new("USDCAD", 1.27000, 5, 0.0003),
        ["USDCHF"] = new("USDCHF", 0.92000, 5, 0.0003),
        ["USDJPY"] = new("USDJPY", 115.500, 3, 0.0003),
        ["XAGUSD"] = new("XAGUSD", 23.000, 3, 0.0012),
        ["XAUUSD"] = new("XAUUSD", 1810.00, 2, 0.0007),
    };
}
