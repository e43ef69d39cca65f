using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Grains.Bars;
using TradingAlerts.Grains.Signals;

namespace TradingAlerts.Tests.Grains;

/// <summary>Grain-side parsing never throws: a value that cannot be read counts as missing.</summary>
public sealed class UnusableValueTests
{
    public static TheoryData<string> Unreadable =>
    [
        """{"peaks":[1],"bottoms":[]}""", "[]", "\"text\"", "{", "not json", "{\"peaks\":{},\"bottoms\":[]}",
        """{"peaks":[{"time":"x","price":1}],"bottoms":[]}""", """{"peaks":[{"time":1,"price":"1"}],"bottoms":[]}""",
        """{"peak_lines":[5],"bottom_lines":[{"start_time":1.5,"end_price":1}]}""", """{"middle":"1.1"}""", "null",
    ];

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Structure_values_that_cannot_be_read_count_as_missing(string json)
    {
        var snapshot = StructureSnapshot.Parse(new IndicatorValues(json, json, json, json, json, null, null, null, json));
        Assert.Equal((0, 0, null, null, null, null, null), (snapshot.ZigZagPeaks.Length, snapshot.ZigZagBottoms.Length,
            snapshot.LastFractalPeak, snapshot.LastFractalBottom, snapshot.PeakLine, snapshot.BottomLine, snapshot.KeltnerMiddle));
    }

    [Theory]
    [InlineData("""[{"time":"soon","direction":"bullish"}]""")]
    [InlineData("""[{"time":1.5,"direction":"bullish"}]""")]
    [InlineData("""[{"time":1641254400,"direction":7}]""")]
    [InlineData("[1]")]
    [InlineData("{}")]
    [InlineData("[")]
    public void Momentum_values_that_cannot_be_read_count_as_missing(string json) => Assert.Null(MomentumJson.Parse(json));

    [Fact]
    public void Readable_values_are_still_read()
    {
        var snapshot = StructureSnapshot.Parse(new IndicatorValues(
            """{"peaks":[{"time":20,"price":1.3},{"time":10,"price":1.2}],"bottoms":[{"time":15,"price":1.0}]}""",
            """{"peak_lines":[{"start_time":5,"start_price":1.3,"end_time":30,"end_price":1.31,"touches":2}],"bottom_lines":[]}""",
            null, null, """{"upper":[1,2,3,4,5],"middle":1.15,"lower":[1,2,3,4,5]}""", null, null, null, null));
        Assert.Equal((1.3, 1.0, 1.31, (double?)null, 1.15), (snapshot.LastFractalPeak, snapshot.LastFractalBottom, snapshot.PeakLine, snapshot.BottomLine, snapshot.KeltnerMiddle));
        Assert.Equal(new MomentumCandleInfo(1_641_254_400, false, 2.5), MomentumJson.Parse("""[{"time":1641254400,"direction":"bearish","body_ratio":2.5}]"""));
    }

    [Fact]
    public void The_grain_side_check_drops_unusable_values_and_names_them()
    {
        var bar = new BarRecord(Timeframe.H1, 1_641_254_400, 1.1, 1.2, 1.0, 1.15,
            new IndicatorValues("""{"peaks":[1],"bottoms":[]}""", null, null, "[]", null, double.NaN, 1.1, null, null), 7, 1);
        var faults = new List<string>();
        var clean = BarCheck.WithoutUnusableValues(bar, faults);
        Assert.Equal(bar.Indicators with { Fractals = null, Tema = null }, clean.Indicators);
        Assert.Equal(["fractals.peaks[0] must be a JSON object {time, price}, got 1", "tema is not a finite number (NaN)"], faults);
        Assert.Same(clean, BarCheck.WithoutUnusableValues(clean, faults));
        Assert.Null(BarCheck.PriceFault(bar));
        Assert.Equal("unusable OHLC: open 1.1, high 1.2, low 1, close NaN", BarCheck.PriceFault(bar with { Close = double.NaN }));
        Assert.Equal("unusable OHLC: open 1.1, high 1, low 1, close 1.15", BarCheck.PriceFault(bar with { High = 1.0 }));
    }
}
