using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Tests.Catalogue;

public sealed class WeeklySessionTests
{
    [Theory]
    [InlineData("Mon 00:00-Sat 00:00", 0, 5 * 1440)]
    [InlineData("fri 01:00-Fri 24:00", 4 * 1440 + 60, 5 * 1440)]
    [InlineData("Sun 22:00-Fri 22:00", 6 * 1440 + 1320, 4 * 1440 + 1320)]
    [InlineData("Sun 00:00-Sun 24:00", 6 * 1440, 0)] // 24:00 on Sunday is the week's end, minute 0 of the next
    [InlineData(" Mon 00:00 - Mon 00:00 ", 0, 0)]
    public void Parses_days_and_times_into_minutes_from_monday(string text, int open, int close)
    {
        Assert.True(WeeklySession.TryParse(text, out var session, out var error), error);
        Assert.Equal((open, close), (session.OpenMinute, session.CloseMinute));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Mon 00:00")]
    [InlineData("Mon 00:00-Sat")]
    [InlineData("Monday 00:00-Sat 00:00")]
    [InlineData("Mon 0:00-Sat 00:00")]
    [InlineData("Mon 24:00-Sat 00:00")] // 24:00 only closes a window
    [InlineData("Mon 00:60-Sat 00:00")]
    [InlineData("Mon 25:00-Sat 00:00")]
    [InlineData("Mon 00:00-Sat 00:00-Sun 00:00")]
    [InlineData("Mon -1:00-Sat 00:00")]
    public void Rejects_anything_else_with_the_expected_form(string? text)
    {
        Assert.False(WeeklySession.TryParse(text, out _, out var error));
        Assert.Contains("expected 'Mon 00:00-Sat 00:00'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_contains_its_open_minute_but_not_its_close_and_a_wrapping_one_spans_the_weekend()
    {
        Assert.True(WeeklySession.TryParse("Mon 00:00-Sat 00:00", out var week, out _));
        Assert.True(week.Contains(0));
        Assert.True(week.Contains(5 * 1440 - 1)); // Friday 23:59
        Assert.False(week.Contains(5 * 1440)); // Saturday 00:00
        Assert.False(week.Contains(6 * 1440 + 1439)); // Sunday 23:59

        Assert.True(WeeklySession.TryParse("Sun 22:00-Fri 22:00", out var wrap, out _));
        Assert.True(wrap.Contains(6 * 1440 + 1320)); // Sunday 22:00
        Assert.True(wrap.Contains(2 * 1440)); // Wednesday
        Assert.False(wrap.Contains(4 * 1440 + 1320)); // Friday 22:00
        Assert.False(wrap.Contains(5 * 1440 + 600)); // Saturday

        Assert.True(WeeklySession.TryParse(WeeklySession.AlwaysOpen, out var always, out _));
        Assert.All(new[] { 0, 5 * 1440, 6 * 1440 + 1439 }, m => Assert.True(always.Contains(m)));
    }

    [Theory]
    [InlineData("2026-12-07T00:00:00", 0)] // a Monday
    [InlineData("2026-12-04T23:59:30", 4 * 1440 + 1439)] // Friday
    [InlineData("2026-12-06T12:34:00", 6 * 1440 + 754)] // Sunday
    public void Minute_of_week_counts_from_monday_midnight(string time, int minute) =>
        Assert.Equal(minute, WeeklySession.MinuteOfWeek(DateTime.Parse(time, System.Globalization.CultureInfo.InvariantCulture)));
}
