using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Abstractions.Contracts;

/// <summary>The current confluence and the latest bar of every timeframe that has one, at one version.</summary>
[GenerateSerializer, Immutable, Alias("TradingAlerts.ConfluenceView")]
public sealed record ConfluenceView(
    [property: Id(0)] long Version,
    [property: Id(1)] ConfluenceSnapshot Snapshot,
    [property: Id(2)] IReadOnlyDictionary<Timeframe, BarRecord> Bars);
