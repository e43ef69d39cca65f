using TradingAlerts.Indicators;

namespace TradingAlerts.Tests.Indicators;

/// <summary>The JSON the collector writes, exactly as DESIGN §3 shows it.</summary>
public class IndicatorJsonTests
{
    [Fact]
    public void Points_are_peaks_and_bottoms_with_unix_times()
    {
        Assert.Equal(
            """{"peaks":[{"time":1641254400,"price":1.13015}],"bottoms":[]}""",
            IndicatorJson.Points([new PricePoint(1_641_254_400, 1.13015)], []));
    }

    [Fact]
    public void Lines_carry_both_ends_and_touches()
    {
        var line = new TrendLine(100, 1.5, 400, 1.75, 3);
        Assert.Equal(
            """{"peak_lines":[{"start_time":100,"start_price":1.5,"end_time":400,"end_price":1.75,"touches":3}],"bottom_lines":[]}""",
            IndicatorJson.Horizontal([line], []));
        Assert.Equal(
            """{"ascending":[],"descending":[{"start_time":100,"start_price":1.5,"end_time":400,"end_price":1.75,"touches":3}]}""",
            IndicatorJson.Diagonal([], [line]));
    }

    [Fact]
    public void Momentum_is_an_empty_array_or_one_candle()
    {
        Assert.Equal("[]", IndicatorJson.Momentum(null));
        Assert.Equal("""[{"time":300,"direction":"bearish","body_ratio":2.5}]""", IndicatorJson.Momentum(new MomentumCandle(300, false, 2.5)));
    }

    [Fact]
    public void Keltner_has_five_bands_each_side_inner_to_outer()
    {
        Assert.Equal(
            """{"upper":[11,12,13,14,15],"middle":10,"lower":[9,8,7,6,5]}""",
            IndicatorJson.Keltner(new KeltnerChannel(10, [11, 12, 13, 14, 15], [9, 8, 7, 6, 5])));
    }

    [Fact]
    public void Derived_prices_are_rounded_to_ten_significant_digits()
    {
        Assert.Equal("""{"peaks":[{"time":1,"price":1.333333333}],"bottoms":[{"time":2,"price":46012.34568}]}""",
            IndicatorJson.Points([new PricePoint(1, 4.0 / 3)], [new PricePoint(2, 46012.345678)]));
    }
}
