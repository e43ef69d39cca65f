using System.Diagnostics;
using Orleans.Placement;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Grains.RateLimits;

namespace TradingAlerts.Grains;

/// <summary>
/// One caller's sliding window, in memory only: losing the silo that holds it resets the caller's
/// window, which errs on the caller's side and costs no storage write per request.
/// </summary>
/// <remarks>
/// Placed on the silo that first asks: a client's requests tend to stay on one silo (keep-alive), so
/// most checks are then local calls; requests arriving at other silos reach this one activation.
/// </remarks>
// Immovable: moving it would reset the caller's window and undo the local placement the silo chose on purpose.
[Immovable]
[PreferLocalPlacement]
public sealed class RateLimitGrain : Grain, IRateLimitGrain
{
    private readonly SlidingWindowLog _log = new();

    // Monotonic, so a wall-clock step neither frees nor blocks slots; the window lives only in this activation anyway.
    private readonly long _origin = Stopwatch.GetTimestamp();

    public ValueTask<RateLimitDecision> TryAcquire(int limit, TimeSpan window)
    {
        var decision = _log.TryAcquire(Stopwatch.GetElapsedTime(_origin), limit, window);
        if (decision.Allowed)
        {
            // Idle collection must not forget a window that still counts: stay until the newest request
            // leaves it, then deactivate as any idle grain does.
            DelayDeactivation(window);
        }

        return ValueTask.FromResult(decision);
    }
}
