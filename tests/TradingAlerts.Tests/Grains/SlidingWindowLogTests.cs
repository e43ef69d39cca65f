using TradingAlerts.Grains.RateLimits;

namespace TradingAlerts.Tests.Grains;

public class SlidingWindowLogTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private static TimeSpan At(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Accepts_up_to_the_limit_counting_down_then_refuses_until_the_oldest_leaves()
    {
        var log = new SlidingWindowLog();
        Assert.Equal(2, log.TryAcquire(At(0), 3, Window).Remaining);
        Assert.Equal(1, log.TryAcquire(At(10), 3, Window).Remaining);
        Assert.Equal(0, log.TryAcquire(At(20), 3, Window).Remaining);

        var refused = log.TryAcquire(At(25), 3, Window);
        Assert.False(refused.Allowed);
        Assert.Equal(0, refused.Remaining);
        Assert.Equal(At(35), refused.RetryAfter); // the request at 0 leaves at 60
    }

    [Fact]
    public void The_slot_frees_exactly_when_the_oldest_request_is_one_window_old()
    {
        var log = new SlidingWindowLog();
        log.TryAcquire(At(0), 1, Window);
        var justBefore = log.TryAcquire(At(60) - TimeSpan.FromTicks(1), 1, Window);
        Assert.False(justBefore.Allowed);
        Assert.Equal(TimeSpan.FromTicks(1), justBefore.RetryAfter);
        Assert.True(log.TryAcquire(At(60), 1, Window).Allowed);
    }

    [Fact]
    public void The_window_slides_one_request_at_a_time_unlike_a_fixed_window()
    {
        var log = new SlidingWindowLog();
        foreach (var t in new[] { 0.0, 30, 50 })
        {
            Assert.True(log.TryAcquire(At(t), 3, Window).Allowed);
        }

        // At 61 only the request at 0 has left: one slot, not a fresh quota of three.
        Assert.True(log.TryAcquire(At(61), 3, Window).Allowed);
        var refused = log.TryAcquire(At(62), 3, Window);
        Assert.False(refused.Allowed);
        Assert.Equal(At(28), refused.RetryAfter); // the request at 30 leaves at 90
    }

    [Fact]
    public void Refused_requests_take_no_slot_so_retrying_does_not_push_the_window_out()
    {
        var log = new SlidingWindowLog();
        log.TryAcquire(At(0), 2, Window);
        log.TryAcquire(At(1), 2, Window);
        for (var t = 2; t < 60; t += 5)
        {
            Assert.False(log.TryAcquire(At(t), 2, Window).Allowed);
        }

        Assert.Equal(2, log.Count);
        Assert.True(log.TryAcquire(At(60), 2, Window).Allowed);
    }

    [Fact]
    public void A_lowered_limit_waits_for_as_many_requests_to_leave_as_it_is_over()
    {
        var log = new SlidingWindowLog();
        foreach (var t in new[] { 0.0, 10, 20, 30 })
        {
            log.TryAcquire(At(t), 5, Window);
        }

        // Four in the window, limit now 2: the requests at 0, 10 and 20 must leave; the one at 20 leaves at 80.
        var refused = log.TryAcquire(At(40), 2, Window);
        Assert.False(refused.Allowed);
        Assert.Equal(At(40), refused.RetryAfter);
        Assert.False(log.TryAcquire(At(79), 2, Window).Allowed);
        Assert.True(log.TryAcquire(At(80), 2, Window).Allowed);
    }

    [Fact]
    public void A_shorter_window_forgets_requests_older_than_itself()
    {
        var log = new SlidingWindowLog();
        log.TryAcquire(At(0), 1, Window);
        Assert.True(log.TryAcquire(At(10), 1, TimeSpan.FromSeconds(5)).Allowed);
        Assert.Equal(1, log.Count);
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(1, 0)]
    public void Rejects_a_limit_below_one_or_an_empty_window(int limit, int windowSeconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlidingWindowLog().TryAcquire(At(0), limit, At(windowSeconds)));
    }
}
