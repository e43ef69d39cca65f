using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Grains.Signals;

namespace TradingAlerts.Tests.Grains;

public class SignalCalculatorTests
{
    private static BarRecord Bar(double close, double? tema, double? hrma, double? smma, string? keltner = null, string? zigzag = null, string? fractals = null, string? horizontal = null) =>
        new(Timeframe.H4, 14_400, close, close, close, close,
            new IndicatorValues(fractals, horizontal, null, "[]", keltner, tema, hrma, smma, zigzag), 1, 1);

    [Fact]
    public void Every_signal_bullish_gives_full_bullish_strength()
    {
        var bar = Bar(close: 1.20, tema: 1.15, hrma: 1.12, smma: 1.10,
            keltner: """{"upper":[1.25,1.3,1.35,1.4,1.45],"middle":1.18,"lower":[1.1,1.05,1.0,0.95,0.9]}""",
            zigzag: """{"peaks":[{"time":1,"price":1.10},{"time":3,"price":1.15}],"bottoms":[{"time":2,"price":1.05},{"time":4,"price":1.08}]}""",
            fractals: """{"peaks":[{"time":3,"price":1.15}],"bottoms":[{"time":4,"price":1.08}]}""",
            horizontal: """{"peak_lines":[{"start_time":3,"start_price":1.15,"end_time":5,"end_price":1.15,"touches":2}],"bottom_lines":[]}""");
        var signal = SignalCalculator.Compute(bar, StructureSnapshot.Parse(bar.Indicators), recentMomentum: 1);
        Assert.Equal(Trend.Bullish, signal.Trend);
        Assert.Equal(1.0, signal.Strength);
        Assert.Equal(9, signal.Votes.Count);
        Assert.All(signal.Votes.Values, v => Assert.Equal(1, v));
    }

    [Fact]
    public void Missing_inputs_do_not_vote_and_strength_is_over_the_signals_available()
    {
        // close below TEMA and HRMA, no SMMA (so no stack), no structures, no momentum (votes 0).
        var bar = Bar(close: 1.00, tema: 1.05, hrma: 1.02, smma: null);
        var signal = SignalCalculator.Compute(bar, StructureSnapshot.Parse(bar.Indicators), recentMomentum: 0);
        Assert.Equal(new Dictionary<string, int>
        {
            [SignalCalculator.CloseVsTema] = -1,
            [SignalCalculator.CloseVsHrma] = -1,
            [SignalCalculator.Momentum] = 0,
        }, signal.Votes);
        Assert.Equal(Trend.Bearish, signal.Trend); // net −2
        Assert.Equal(2.0 / 3, signal.Strength, 1e-12);
    }

    [Fact]
    public void A_net_of_one_is_neutral()
    {
        var bar = Bar(close: 1.00, tema: 0.99, hrma: 1.01, smma: 0.98);
        var signal = SignalCalculator.Compute(bar, StructureSnapshot.Parse(bar.Indicators), recentMomentum: 1);
        // tema +1, hrma −1, smma +1, stack (0.99 < 1.01, not ordered) 0, momentum +1 → net 2 → bullish
        Assert.Equal(Trend.Bullish, signal.Trend);
        var weaker = SignalCalculator.Compute(bar, StructureSnapshot.Parse(bar.Indicators), recentMomentum: 0);
        Assert.Equal(Trend.Neutral, weaker.Trend); // net 1
        Assert.Equal(1.0 / 5, weaker.Strength, 1e-12);
    }

    [Fact]
    public void Lower_highs_and_lower_lows_are_a_bearish_structure()
    {
        var bar = Bar(close: 1.00, tema: null, hrma: null, smma: null,
            zigzag: """{"peaks":[{"time":1,"price":1.20},{"time":3,"price":1.15}],"bottoms":[{"time":2,"price":1.05},{"time":4,"price":1.02}]}""");
        var signal = SignalCalculator.Compute(bar, StructureSnapshot.Parse(bar.Indicators), recentMomentum: -1);
        Assert.Equal(-1, signal.Votes[SignalCalculator.ZigZag]);
        Assert.Equal(-1, signal.Votes[SignalCalculator.Momentum]);
        Assert.Equal(Trend.Bearish, signal.Trend);
    }
}
