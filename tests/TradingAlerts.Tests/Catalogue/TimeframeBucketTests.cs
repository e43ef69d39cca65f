using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Tests.Catalogue;

/// <summary>
/// Bars open at multiples of their duration counted from server midnight and cover [start, start + duration).
/// </summary>
public class TimeframeBucketTests
{
    private static long At(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).ToUnixTimeSeconds();

    [Fact]
    public void Every_duration_divides_a_day_so_every_bar_starts_at_a_day_boundary_multiple()
    {
        Assert.All(Timeframes.All, tf => Assert.Equal(0, 86_400 % tf.Seconds()));
    }

    [Theory]
    [InlineData(Timeframe.M5, 23, 55)]
    [InlineData(Timeframe.M15, 23, 45)]
    [InlineData(Timeframe.M30, 23, 30)]
    [InlineData(Timeframe.H1, 23, 0)]
    [InlineData(Timeframe.H2, 22, 0)]
    [InlineData(Timeframe.H4, 20, 0)]
    [InlineData(Timeframe.H8, 16, 0)]
    [InlineData(Timeframe.H12, 12, 0)]
    [InlineData(Timeframe.D1, 0, 0)]
    public void Last_second_of_a_day_falls_in_that_days_last_bar(Timeframe tf, int hour, int minute)
    {
        // 2022-01-05 23:59:59 (a Wednesday)
        Assert.Equal(At(2022, 1, 5, hour, minute), tf.BucketStart(At(2022, 1, 5, 23, 59, 59)));
    }

    [Fact]
    public void Midnight_opens_a_new_bar_on_every_timeframe()
    {
        var midnight = At(2022, 1, 6);
        Assert.All(Timeframes.All, tf =>
        {
            Assert.Equal(midnight, tf.BucketStart(midnight));
            Assert.True(tf.IsAligned(midnight));
            Assert.Equal(midnight, tf.NextBucketStart(midnight - 1));
        });
    }

    [Fact]
    public void Week_edges_do_not_shift_bars()
    {
        // Friday 2022-01-07 23:59:59 → Friday's bars; Sunday 2022-01-09 22:00 (a broker's weekly open) and
        // Monday 00:00 each open their own bars: there is no weekly anchor, only the day.
        Assert.Equal(At(2022, 1, 7), Timeframe.D1.BucketStart(At(2022, 1, 7, 23, 59, 59)));
        Assert.Equal(At(2022, 1, 7, 16), Timeframe.H8.BucketStart(At(2022, 1, 7, 23, 59, 59)));
        Assert.Equal(At(2022, 1, 9), Timeframe.D1.BucketStart(At(2022, 1, 9, 22)));
        Assert.Equal(At(2022, 1, 9, 20), Timeframe.H4.BucketStart(At(2022, 1, 9, 22, 30)));
        Assert.Equal(At(2022, 1, 10), Timeframe.H12.BucketStart(At(2022, 1, 10, 11, 59, 59)));
        Assert.Equal(At(2022, 1, 10, 12), Timeframe.H12.NextBucketStart(At(2022, 1, 10)));
    }

    [Fact]
    public void A_bar_is_closed_on_the_left_and_open_on_the_right()
    {
        var open = At(2022, 1, 4, 18);
        Assert.Equal(open, Timeframe.H1.BucketStart(open));
        Assert.Equal(open, Timeframe.H1.BucketStart(open + 3599));
        Assert.Equal(open + 3600, Timeframe.H1.BucketStart(open + 3600));
        Assert.False(Timeframe.H1.IsAligned(open + 300));
        Assert.True(Timeframe.M5.IsAligned(open + 300));
    }

    [Fact]
    public void Times_before_1970_floor_into_the_bar_that_contains_them()
    {
        Assert.Equal(-300, Timeframe.M5.BucketStart(-1));
        Assert.Equal(-86_400, Timeframe.D1.BucketStart(-86_399));
    }

    [Fact]
    public void DateTimeOffset_overload_agrees_with_unix_seconds()
    {
        var time = new DateTimeOffset(2022, 1, 14, 13, 47, 12, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2022, 1, 14, 12, 0, 0, TimeSpan.Zero), Timeframe.H4.BucketStart(time));
    }
}
