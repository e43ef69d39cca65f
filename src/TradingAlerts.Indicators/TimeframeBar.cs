using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Indicators;

/// <summary>A bar of one timeframe with the indicators computed on that timeframe.</summary>
/// <param name="IsClosed">False for the forming bar, whose values change until it closes.</param>
public sealed record TimeframeBar(Timeframe Timeframe, Ohlc Bar, IndicatorValues Indicators, bool IsClosed);
