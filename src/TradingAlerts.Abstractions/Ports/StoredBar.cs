using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Abstractions.Ports;

/// <summary>
/// A stored bar and its change position: the position of its newest version, 0 when the row was written
/// before positions existed or by a tool outside the grid (a backfill).
/// </summary>
public readonly record struct StoredBar(long Position, BarRecord Bar);
