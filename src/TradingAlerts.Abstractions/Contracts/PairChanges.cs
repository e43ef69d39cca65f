namespace TradingAlerts.Abstractions.Contracts;

/// <summary>
/// One accepted version of a bar and its change position. <paramref name="Closed"/>: a later bar of the pair
/// existed when this version was handed out (the bar's period is over; a later version may still correct it).
/// </summary>
[GenerateSerializer, Immutable, Alias("TradingAlerts.BarVersion")]
public sealed record BarVersion(
    [property: Id(0)] long Position,
    [property: Id(1)] bool Closed,
    [property: Id(2)] BarRecord Bar);

/// <summary>
/// The changes of one pair between two of its change positions. A position only grows per pair and names the
/// same state on every silo after any reactivation, failover or restart; a consumer that has applied everything
/// up to <see cref="After"/> (or later) and applies <see cref="Bars"/> whose position is above its own is at
/// <see cref="Position"/>. Only the newest version of a bar inside the range is given (older ones are superseded).
/// </summary>
/// <param name="Pair">The pair's key ("EURUSD/H1").</param>
/// <param name="After">The position these changes follow.</param>
/// <param name="Position">The pair's position once these are applied.</param>
/// <param name="Bars">Versions with positions in (<paramref name="After"/>, <paramref name="Position"/>], ordered by position.</param>
/// <param name="Reset">
/// The changes after the position asked for cannot be given (older than anything kept, or a position this grid never
/// handed out): <see cref="Bars"/> is the current state instead (the latest bars), to replace whatever is held.
/// </param>
/// <param name="Current">The pair's newest position when this was answered; above <see cref="Position"/>: ask again from there.</param>
[GenerateSerializer, Immutable, Alias("TradingAlerts.PairChanges")]
public sealed record PairChanges(
    [property: Id(0)] string Pair,
    [property: Id(1)] long After,
    [property: Id(2)] long Position,
    [property: Id(3)] BarVersion[] Bars,
    [property: Id(4)] bool Reset,
    [property: Id(5)] long Current);
