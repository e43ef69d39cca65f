namespace TradingAlerts.Abstractions.Contracts;

/// <summary>How current a TimeframeGrain's bars are: what the freshness health endpoint reports per pair.</summary>
/// <param name="Bars">Bars held (0: the pair has no data yet).</param>
/// <param name="LatestBarTime">Open time of the latest held bar (unix seconds, broker server time), or null.</param>
/// <param name="LastReceivedAtMs">
/// When this activation last applied bars (unix ms, the silo's clock), or null when it has received
/// nothing since it activated (for example rehydrated from PostgreSQL after a failover).
/// </param>
/// <param name="LastWrittenAtMs">Newest collector write time among the bars received (unix ms, collector's clock), or null.</param>
[GenerateSerializer, Immutable, Alias("TradingAlerts.PairFreshness")]
public sealed record PairFreshness(
    [property: Id(0)] int Bars,
    [property: Id(1)] long? LatestBarTime,
    [property: Id(2)] long? LastReceivedAtMs,
    [property: Id(3)] long? LastWrittenAtMs);
