using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Abstractions.Grains;

/// <summary>
/// One caller's request quota (key: the partition, "user:{sub}" or "ip:{address}"). A grain has one
/// activation cluster-wide, so the count is exact whichever silo served the request.
/// </summary>
[Alias("TradingAlerts.IRateLimitGrain")]
public interface IRateLimitGrain : IGrainWithStringKey
{
    /// <summary>Takes one slot if fewer than <paramref name="limit"/> requests were accepted in the last <paramref name="window"/>.</summary>
    /// <remarks>The limit travels with each call because it is the caller's tier, which comes with the request's token.</remarks>
    [Alias("TryAcquire")]
    ValueTask<RateLimitDecision> TryAcquire(int limit, TimeSpan window);
}
