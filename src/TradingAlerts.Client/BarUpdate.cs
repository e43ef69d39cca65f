using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Client;

/// <summary>Bars a TimeframeGrain accepted (new bars or the forming bar rewritten), ordered by time then seq.</summary>
public sealed record BarUpdate(Pair Pair, IReadOnlyList<BarRecord> Bars);
