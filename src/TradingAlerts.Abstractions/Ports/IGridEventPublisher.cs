using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Abstractions.Ports;

/// <summary>
/// Publishes grid events for consumers outside .NET (Redis channels <c>bars:{SYMBOL}:{TF}</c> and
/// <c>confluence:{SYMBOL}</c>). Never blocks or fails a grain call: a failure is logged and counted.
/// </summary>
public interface IGridEventPublisher
{
    void PublishBars(string symbol, string timeframe, IReadOnlyList<BarRecord> bars);

    void PublishConfluence(ConfluenceSnapshot snapshot);
}

/// <summary>No event sink configured.</summary>
public sealed class NoGridEventPublisher : IGridEventPublisher
{
    public void PublishBars(string symbol, string timeframe, IReadOnlyList<BarRecord> bars)
    {
    }

    public void PublishConfluence(ConfluenceSnapshot snapshot)
    {
    }
}
