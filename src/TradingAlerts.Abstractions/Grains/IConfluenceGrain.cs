using Orleans.Concurrency;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Abstractions.Grains;

/// <summary>One per symbol (key: "EURUSD"). Folds the nine timeframe signals into a 0–10 score.</summary>
[Alias("TradingAlerts.IConfluenceGrain")]
public interface IConfluenceGrain : IGrainWithStringKey
{
    /// <summary>The current confluence.</summary>
    /// <remarks>Its own alias: GetConfluence(long?) had another signature, and a call of that shape must not reach this.</remarks>
    [Alias("GetCurrentConfluence"), AlwaysInterleave]
    Task<ConfluenceSnapshot> GetConfluence();

    /// <summary>The confluence at <paramref name="at"/> (unix seconds, the bars' clock) from the signals held, or why there is none.</summary>
    [Alias("GetConfluenceAt"), AlwaysInterleave]
    Task<ConfluenceAtTime> GetConfluenceAt(long at);

    /// <summary>
    /// The confluence at <paramref name="at"/> with the bars it stands on, what <c>GET /api/confluence?at=</c> serves.
    /// With a durable store: from the stored rows (exact at any time, after any restart). Without one: from the signals
    /// held (<see cref="GetConfluenceAt"/>) and the timeframe grains' bars in force then.
    /// </summary>
    [Alias("GetPastView"), AlwaysInterleave]
    Task<ConfluenceAtTime> GetPastView(long at);

    /// <summary>A timeframe's signal changed (sent by its TimeframeGrain only on change); the score is updated in O(1).</summary>
    [Alias("UpdateSignal"), OneWay]
    Task UpdateSignal(TimeframeSignal signal);

    /// <summary>A timeframe's latest bar changed: kept so the current view (the 117 indicators) needs no other grain.</summary>
    [Alias("UpdateLatest"), OneWay]
    Task UpdateLatest(BarRecord bar);

    /// <summary>Bumped by every signal or latest-bar change: the key under which a serialized view may be cached.</summary>
    [Alias("GetVersion"), AlwaysInterleave]
    Task<long> GetVersion();

    /// <summary>The current confluence with the latest bar of each timeframe, in one call.</summary>
    [Alias("GetView"), AlwaysInterleave]
    Task<ConfluenceView> GetView();

    [Alias("Subscribe")]
    Task Subscribe(IConfluenceObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IConfluenceObserver observer);
}
