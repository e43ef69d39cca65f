using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Abstractions.Grains;

/// <summary>
/// Receives every change a TimeframeGrain accepted (new bars, the forming bar rewritten, late bars), with positions:
/// a change whose <see cref="PairChanges.After"/> is above what the observer has seen means some were missed (fill
/// them with <see cref="ITimeframeGrain.GetChangesSince"/>).
/// </summary>
[Alias("TradingAlerts.IBarObserver")]
public interface IBarObserver : IGrainObserver
{
    [Alias("OnChanges")]
    void OnChanges(PairChanges changes);
}
