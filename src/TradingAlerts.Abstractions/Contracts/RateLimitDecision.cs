namespace TradingAlerts.Abstractions.Contracts;

/// <summary>The answer of a rate limit check.</summary>
/// <param name="Allowed">The request took a slot.</param>
/// <param name="Remaining">Slots left in the window after this request.</param>
/// <param name="RetryAfter">When refused: how long until the window frees a slot; zero when allowed.</param>
[GenerateSerializer, Immutable, Alias("TradingAlerts.RateLimitDecision")]
public readonly record struct RateLimitDecision(
    [property: Id(0)] bool Allowed,
    [property: Id(1)] int Remaining,
    [property: Id(2)] TimeSpan RetryAfter);
