using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Indicators;
using TradingAlerts.Tests.Fixtures;

namespace TradingAlerts.Tests.Indicators;

public class BarAggregatorTests
{
    [Fact]
    public void M1_aggregated_to_M5_equals_MT5s_own_M5_bars_exactly()
    {
        var m1 = Fixture.Bars(Fixture.M1File);
        var mt5 = Fixture.Bars(Fixture.M5File).ToDictionary(b => b.Time);
        var aggregator = new BarAggregator(Timeframe.M5);
        var ours = m1.Select(aggregator.Add).OfType<Ohlc>().ToList();
        ours.Add(aggregator.Forming!.Value);

        Assert.Equal(2867, m1.Count); // two days with 13 minutes in which nothing traded
        Assert.Equal(mt5.Count, ours.Count);
        foreach (var bar in ours)
        {
            Assert.True(mt5.TryGetValue(bar.Time, out var expected), $"MT5 has no M5 bar at {bar.Time}");
            Assert.Equal((expected.Open, expected.High, expected.Low, expected.Close, expected.Volume),
                (bar.Open, bar.High, bar.Low, bar.Close, bar.Volume));
        }
    }

    [Fact]
    public void Every_higher_timeframe_from_M1_equals_the_same_timeframe_from_M5()
    {
        // Aggregation is associative: M1 → H4 and M1 → M5 → H4 must agree to the last digit.
        var m1 = Fixture.Bars(Fixture.M1File);
        var m5 = Fixture.Bars(Fixture.M5File);
        foreach (var tf in Timeframes.All)
        {
            Assert.Equal(Aggregate(m5, tf), Aggregate(m1, tf));
        }
    }

    [Fact]
    public void A_bar_closes_when_input_from_a_later_bucket_arrives()
    {
        // 10:00 - open H1 | 10:59 - update | 11:00 - closes 10:00, opens 11:00
        var aggregator = new BarAggregator(Timeframe.H1);
        const long ten = 1_641_290_400; // 2022-01-04 10:00
        Assert.Null(aggregator.Add(new Ohlc(ten, 1.0, 1.2, 0.9, 1.1, 5)));
        Assert.Null(aggregator.Add(new Ohlc(ten + 3540, 1.1, 1.5, 1.0, 1.3, 7)));
        Assert.Equal(new Ohlc(ten, 1.0, 1.5, 0.9, 1.3, 12), aggregator.Forming);
        var closed = aggregator.Add(new Ohlc(ten + 3600, 1.3, 1.4, 1.2, 1.25, 1));
        Assert.Equal(new Ohlc(ten, 1.0, 1.5, 0.9, 1.3, 12), closed);
        Assert.Equal(ten + 3600, aggregator.Forming!.Value.Time);
    }

    [Fact]
    public void Real_volume_is_summed_and_the_spread_is_the_lowest_reported_one()
    {
        var aggregator = new BarAggregator(Timeframe.M15);
        aggregator.Add(new Ohlc(0, 1, 1, 1, 1, Volume: 10, Spread: 0, RealVolume: 100)); // no spread reported
        aggregator.Add(new Ohlc(300, 1, 1, 1, 1, Volume: 20, Spread: 14, RealVolume: 250));
        aggregator.Add(new Ohlc(600, 1, 1, 1, 1, Volume: 5, Spread: 9, RealVolume: 0));
        Assert.Equal((35.0, 9, 350.0), (aggregator.Forming!.Value.Volume, aggregator.Forming!.Value.Spread, aggregator.Forming!.Value.RealVolume));
    }

    [Fact]
    public void Gaps_leave_no_empty_bars()
    {
        var aggregator = new BarAggregator(Timeframe.M15);
        aggregator.Add(new Ohlc(0, 1, 1, 1, 1));
        var closed = aggregator.Add(new Ohlc(3600, 2, 2, 2, 2)); // an hour later
        Assert.Equal(0, closed!.Value.Time);
        Assert.Equal(3600, aggregator.Forming!.Value.Time);
    }

    [Fact]
    public void Input_older_than_the_forming_bar_is_rejected()
    {
        var aggregator = new BarAggregator(Timeframe.M5);
        aggregator.Add(new Ohlc(600, 1, 1, 1, 1));
        Assert.Throws<ArgumentException>(() => aggregator.Add(new Ohlc(300, 1, 1, 1, 1)));
    }

    private static List<Ohlc> Aggregate(List<Ohlc> input, Timeframe tf)
    {
        var aggregator = new BarAggregator(tf);
        var bars = input.Select(aggregator.Add).OfType<Ohlc>().ToList();
        bars.Add(aggregator.Forming!.Value);
        return bars;
    }
}
