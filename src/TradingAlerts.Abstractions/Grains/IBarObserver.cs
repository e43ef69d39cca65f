using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Abstractions.Grains;

/// <summary>Receives bars a TimeframeGrain accepted (new, or the forming bar rewritten).</summary>
[Alias("TradingAlerts.IBarObserver")]
public interface IBarObserver : IGrainObserver
{
    [Alias("OnBars")]
    void OnBars(string pairKey, BarRecord[] bars);
}
