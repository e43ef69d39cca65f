using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Grains.RateLimits;

/// <summary>
/// An exact sliding window: the times of the requests accepted in the last window, oldest first. A
/// request is accepted while fewer than the limit are in the window, and a refusal says exactly when
/// the next slot frees (unlike a fixed window, there is no burst of twice the limit across a boundary).
/// Memory is one timestamp per accepted request in the window, so at most the limit.
/// </summary>
public sealed class SlidingWindowLog
{
    private readonly Queue<TimeSpan> _accepted = new();

    /// <summary>Requests currently in the window (as of the last call).</summary>
    public int Count => _accepted.Count;

    /// <summary>Decides one request at <paramref name="now"/>, a monotonic time; refused requests take no slot.</summary>
    public RateLimitDecision TryAcquire(TimeSpan now, int limit, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);

        // A request at t counts while now < t + window.
        while (_accepted.Count > 0 && _accepted.Peek() + window <= now)
        {
            _accepted.Dequeue();
        }

        if (_accepted.Count < limit)
        {
            _accepted.Enqueue(now);
            return new RateLimitDecision(true, limit - _accepted.Count, TimeSpan.Zero);
        }

        // Count - limit + 1 of the oldest must leave before one more fits (more than one only when the
        // limit was lowered); the slot frees when the last of them leaves.
        var freesAt = _accepted.ElementAt(_accepted.Count - limit) + window;
        return new RateLimitDecision(false, 0, freesAt - now);
    }
}
