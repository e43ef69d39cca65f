using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Grains.Bars;

namespace TradingAlerts.Tests.Grains;

public sealed class ChangeLogTests
{
    private static BarRecord Bar(long time, double close) =>
        new(Timeframe.M5, time, close, close + 1, close - 1, close, IndicatorValues.None, 1, 1);

    [Fact]
    public void Holds_the_newest_version_of_each_bar_and_covers_everything_above_its_floor()
    {
        var log = new ChangeLog(3, floor: 10);
        log.Add(11, Bar(300, 1));
        log.Add(12, Bar(600, 2));
        log.Add(13, Bar(300, 1.5)); // supersedes 11: no room is used, nothing is lost
        log.Add(14, Bar(900, 3));
        Assert.Equal(10, log.Floor);
        Assert.Equal([(12L, 600L), (13L, 300L), (14L, 900L)], log.Since(10, 10).Select(s => (s.Position, s.Bar.Time)));

        log.Add(15, Bar(1200, 4)); // full: the lowest position goes, and the floor moves to it
        Assert.Equal(12, log.Floor);
        Assert.False(log.Covers(11));
        Assert.True(log.Covers(12));
        Assert.Equal([13L, 14, 15], log.Since(12, 10).Select(s => s.Position));
        Assert.Equal([13L, 14], log.Since(12, 2).Select(s => s.Position));
        Assert.Equal([15L], log.Since(14, 10).Select(s => s.Position));
        Assert.Equal(1.5, log.Find(13)!.Close);
        Assert.Null(log.Find(11));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.Add(15, Bar(1500, 5)));
    }

    [Fact]
    public void A_refresh_rewrites_the_held_version_at_its_position()
    {
        var log = new ChangeLog(4, floor: 0);
        log.Add(1, Bar(300, 1));
        log.Refresh(Bar(300, 1.25));
        log.Refresh(Bar(600, 9)); // not held: nothing to do
        Assert.Equal([(1L, 1.25)], log.Since(0, 10).Select(s => (s.Position, s.Bar.Close)));
    }
}
