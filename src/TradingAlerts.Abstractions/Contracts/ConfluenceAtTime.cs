namespace TradingAlerts.Abstractions.Contracts;

/// <summary>
/// The confluence at a past time as the grain holds it: the snapshot, or why it has none (the time is older
/// than the signals it holds). Not holding a time is an answer, not a failure.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradingAlerts.ConfluenceAtTime")]
public sealed record ConfluenceAtTime(
    [property: Id(0)] ConfluenceSnapshot? Snapshot,
    [property: Id(1)] string? NotHeldReason)
{
    public static ConfluenceAtTime Found(ConfluenceSnapshot snapshot) => new(snapshot, null);

    public static ConfluenceAtTime NotHeld(string reason) => new(null, reason);
}
