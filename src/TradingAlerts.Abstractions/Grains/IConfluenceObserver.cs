using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Abstractions.Grains;

/// <summary>Receives a symbol's confluence whenever its score or signals change.</summary>
[Alias("TradingAlerts.IConfluenceObserver")]
public interface IConfluenceObserver : IGrainObserver
{
    [Alias("OnConfluence")]
    void OnConfluence(ConfluenceSnapshot snapshot);
}
