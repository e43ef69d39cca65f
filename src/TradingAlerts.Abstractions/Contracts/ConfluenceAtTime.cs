namespace TradingAlerts.Abstractions.Contracts;

/// <summary>
/// The confluence at a past time: the snapshot, or why there is none (the time is older than what is held).
/// Not holding a time is an answer, not a failure. <see cref="Bars"/>, when set, are the bars of each timeframe in
/// force at that time, the ones the snapshot stands on (timeframes without one are absent).
/// </summary>
[GenerateSerializer, Immutable, Alias("TradingAlerts.ConfluenceAtTime")]
public sealed record ConfluenceAtTime(
    [property: Id(0)] ConfluenceSnapshot? Snapshot,
    [property: Id(1)] string? NotHeldReason,
    [property: Id(2)] IReadOnlyDictionary<Catalogue.Timeframe, BarRecord>? Bars = null)
{
    public static ConfluenceAtTime Found(ConfluenceSnapshot snapshot) => new(snapshot, null);

    public static ConfluenceAtTime NotHeld(string reason) => new(null, reason);
}
