using Orleans.Concurrency;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Abstractions.Grains;

/// <summary>One per symbol (key: "EURUSD"). Folds the nine timeframe signals into a 0–10 score.</summary>
[Alias("TradingAlerts.IConfluenceGrain")]
public interface IConfluenceGrain : IGrainWithStringKey
{
    /// <summary>The current confluence, or the one at <paramref name="at"/> (unix seconds) when those bars are held.</summary>
    [Alias("GetConfluence"), AlwaysInterleave]
    Task<ConfluenceSnapshot> GetConfluence(long? at);

    /// <summary>A timeframe's signal changed (sent by its TimeframeGrain only on change); the score is updated in O(1).</summary>
    [Alias("UpdateSignal"), OneWay]
    Task UpdateSignal(TimeframeSignal signal);

    [Alias("Subscribe")]
    Task Subscribe(IConfluenceObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IConfluenceObserver observer);
}
