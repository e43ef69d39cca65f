using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Abstractions.Grains;

/// <summary>
/// One per symbol-timeframe pair (key: "EURUSD/H1", see <see cref="Catalogue.Pair"/>). Holds the latest
/// bars in memory, writes every bar through to PostgreSQL and computes the pair's signal.
/// </summary>
[Alias("TradingAlerts.ITimeframeGrain")]
public interface ITimeframeGrain : IGrainWithStringKey
{
    /// <summary>The latest <paramref name="limit"/> bars, oldest first.</summary>
    [Alias("GetBars")]
    Task<BarRecord[]> GetBars(int limit);

    /// <summary>The latest bar, or null when none is held.</summary>
    [Alias("GetLatest")]
    Task<BarRecord?> GetLatest();

    /// <summary>The signal computed from the latest bar, or null when none is held.</summary>
    [Alias("GetSignal")]
    Task<TimeframeSignal?> GetSignal();

    [Alias("Subscribe")]
    Task Subscribe(IBarObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IBarObserver observer);
}
