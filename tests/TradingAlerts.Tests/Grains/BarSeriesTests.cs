using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Grains.Bars;

namespace TradingAlerts.Tests.Grains;

public class BarSeriesTests
{
    private static BarRecord Bar(long time, double close, double? tema = null) =>
        new(Timeframe.M5, time, close, close, close, close, IndicatorValues.None with { Tema = tema }, 1, 1);

    [Fact]
    public void WouldChange_says_what_Apply_does_without_changing_anything_and_positions_follow_their_bars()
    {
        var series = new BarSeries(3);
        series.Apply(Bar(300, 1), null, position: 1);
        series.Apply(Bar(900, 3), null, position: 2);
        Assert.Equal(BarChange.Appended, series.WouldChange(Bar(1200, 4), null));
        Assert.Equal(BarChange.Inserted, series.WouldChange(Bar(600, 2), null));
        Assert.Equal(BarChange.Replaced, series.WouldChange(Bar(900, 3.5), null));
        Assert.Equal(BarChange.None, series.WouldChange(Bar(900, 3), null));
        Assert.Equal([300L, 900], series.Snapshot("k", 1, 10, null).Time);

        series.Apply(Bar(600, 2), null, position: 3); // inserted: positions move with their bars
        Assert.Equal([1L, 3, 2], Enumerable.Range(0, series.Count).Select(series.PositionAt));
        series.Apply(Bar(900, 3), null); // no position given: the held one stays
        Assert.Equal(2, series.PositionAt(2));
        Assert.True(series.IsBeforeHeld(0));
        Assert.Equal(BarChange.None, series.WouldChange(Bar(0, 0), null));
        series.Apply(Bar(1200, 4), null, position: 4); // the oldest falls out
        Assert.Equal([3L, 2, 4], Enumerable.Range(0, series.Count).Select(series.PositionAt));
        Assert.False(series.IsBeforeHeld(900));
    }

    [Fact]
    public void Volumes_are_held_with_their_bars_and_a_growing_tick_volume_alone_replaces_the_forming_bar()
    {
        var series = new BarSeries(3);
        series.Apply(Bar(300, 1) with { TickVolume = 40, Spread = 12, RealVolume = 7 }, null);
        series.Apply(Bar(900, 3) with { TickVolume = 5, Spread = 10 }, null);
        Assert.Equal(BarChange.Replaced, series.Apply(Bar(900, 3) with { TickVolume = 6, Spread = 10 }, null));
        Assert.Equal(BarChange.None, series.Apply(Bar(900, 3) with { TickVolume = 6, Spread = 10 }, null));
        Assert.Equal(BarChange.Replaced, series.WouldChange(Bar(900, 3) with { TickVolume = 6, Spread = 9 }, null));
        series.Apply(Bar(600, 2) with { TickVolume = 22, Spread = 11 }, null); // a late bar: the others move along
        series.Apply(Bar(1200, 4) with { TickVolume = 1, Spread = 15, RealVolume = 3 }, null); // the oldest falls out

        var snapshot = series.Snapshot("k", 1, 10, null);
        Assert.Equal([600L, 900, 1200], snapshot.Time);
        Assert.Equal([22L, 6, 1], snapshot.TickVolume!);
        Assert.Equal([11, 10, 15], snapshot.Spread!);
        Assert.Equal([0L, 0, 3], snapshot.RealVolume!);
        Assert.Equal((6L, 10, 0L), (series.BarAt(Timeframe.M5, 1).TickVolume, series.BarAt(Timeframe.M5, 1).Spread, series.BarAt(Timeframe.M5, 1).RealVolume));
        Assert.Equal(1, series.At(Timeframe.M5, 1250)!.TickVolume);
    }

    [Fact]
    public void New_bars_append_and_the_oldest_falls_out_when_full()
    {
        var series = new BarSeries(3);
        Assert.Equal(BarChange.Appended, series.Apply(Bar(300, 1), null));
        series.Apply(Bar(600, 2), null);
        series.Apply(Bar(900, 3), null);
        Assert.Equal(BarChange.Appended, series.Apply(Bar(1200, 4), null));
        var snapshot = series.Snapshot("EURUSD/M5", 7, 10, null);
        Assert.Equal([600L, 900, 1200], snapshot.Time);
        Assert.Equal([2.0, 3, 4], snapshot.Close);
        Assert.Equal(7, snapshot.Version);
    }

    [Fact]
    public void The_forming_bar_is_replaced_in_place_and_an_identical_rewrite_changes_nothing()
    {
        var series = new BarSeries(5);
        series.Apply(Bar(300, 1), null);
        series.Apply(Bar(600, 2), null);
        Assert.Equal(BarChange.Replaced, series.Apply(Bar(600, 2.5, tema: 2.1), null));
        Assert.Equal(BarChange.None, series.Apply(Bar(600, 2.5, tema: 2.1), null));
        var snapshot = series.Snapshot("k", 1, 10, null);
        Assert.Equal([300L, 600], snapshot.Time);
        Assert.Equal([null, 2.1], snapshot.Tema);
    }

    [Fact]
    public void A_late_bar_is_placed_in_time_order()
    {
        var series = new BarSeries(4);
        series.Apply(Bar(300, 1), null);
        series.Apply(Bar(900, 3), null);
        series.Apply(Bar(1200, 4), null);
        Assert.Equal(BarChange.Inserted, series.Apply(Bar(600, 2), null));
        Assert.Equal([300L, 600, 900, 1200], series.Snapshot("k", 1, 10, null).Time);
        // Full: a late bar pushes out the oldest; one older than everything held is left to PostgreSQL.
        Assert.Equal(BarChange.Inserted, series.Apply(Bar(1050, 3.5), null));
        Assert.Equal([600L, 900, 1050, 1200], series.Snapshot("k", 1, 10, null).Time);
        Assert.Equal(BarChange.None, series.Apply(Bar(0, 0), null));
    }

    [Fact]
    public void Snapshots_are_the_latest_bars_oldest_first_with_momentum_candles()
    {
        var series = new BarSeries(10);
        for (var i = 1; i <= 6; i++)
        {
            series.Apply(Bar(i * 300L, i), i == 5 ? new MomentumCandleInfo(1500, false, 2.5) : null);
        }

        var snapshot = series.Snapshot("k", 1, 3, null);
        Assert.Equal([1200L, 1500, 1800], snapshot.Time);
        Assert.Equal([new MomentumCandleInfo(1500, false, 2.5)], snapshot.MomentumCandles);
        Assert.Equal(-1, series.RecentMomentum(5));
        Assert.Equal(0, series.RecentMomentum(1));
    }

    [Fact]
    public void A_momentum_body_ratio_comes_back_as_the_collector_wrote_it()
    {
        // Held compactly as a float; widened naively 2.1287 would come back as 2.128700017929077.
        var series = new BarSeries(2);
        series.Apply(Bar(300, 1), new MomentumCandleInfo(300, true, 2.1287));
        Assert.Equal(2.1287, series.Snapshot("k", 1, 1, null).MomentumCandles[0].BodyRatio);
    }
}
