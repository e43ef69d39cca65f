using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Indicators;

/// <summary>A bar of one timeframe with the indicators computed on that timeframe.</summary>
/// <param name="IsClosed">False for the forming bar, whose values change until it closes.</param>
public sealed record TimeframeBar(Timeframe Timeframe, Ohlc Bar, IndicatorValues Indicators, bool IsClosed)
{
    /// <summary>The contract form; seq and written_at are the collector file's to assign, so they are 0 here.</summary>
    public BarRecord ToRecord() => new(Timeframe, Bar.Time, Bar.Open, Bar.High, Bar.Low, Bar.Close, Indicators, Seq: 0, WrittenAtMs: 0,
        TickVolume: (long)Bar.Volume, Spread: Bar.Spread, RealVolume: (long)Bar.RealVolume);
}
