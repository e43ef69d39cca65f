using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Grains.Signals;

namespace TradingAlerts.Tests.Grains;

/// <summary>score = round1(5·|bullish − bearish|/9 + 5·Σstrength/9), worked out by hand per case.</summary>
public class ConfluenceScoreTests
{
    private static TimeframeSignal Signal(Timeframe tf, Trend trend, double strength, long time = 100) =>
        new(tf, time, trend, strength, new Dictionary<string, int>());

    [Fact]
    public void All_nine_bullish_at_full_strength_scores_ten()
    {
        var score = new ConfluenceScore();
        foreach (var tf in Timeframes.All)
        {
            score.Update(Signal(tf, Trend.Bullish, 1.0));
        }

        Assert.Equal((10.0, 9, 0, 0), (score.Score, score.Bullish, score.Bearish, score.Neutral));
    }

    [Fact]
    public void No_signals_score_zero_and_count_as_neutral()
    {
        var score = new ConfluenceScore();
        Assert.Equal((0.0, 0, 0, 9), (score.Score, score.Bullish, score.Bearish, score.Neutral));
    }

    [Fact]
    public void Mixed_sets_score_exactly()
    {
        // 5 bullish at 0.6, 2 bearish at 0.5, 2 neutral at 0.2:
        // alignment = 3/9, Σstrength = 3 + 1 + 0.4 = 4.4 → 5·3/9 + 5·4.4/9 = 1.6667 + 2.4444 = 4.111 → 4.1
        var score = new ConfluenceScore();
        var tfs = Timeframes.All;
        for (var i = 0; i < 5; i++)
        {
            score.Update(Signal(tfs[i], Trend.Bullish, 0.6));
        }

        score.Update(Signal(tfs[5], Trend.Bearish, 0.5));
        score.Update(Signal(tfs[6], Trend.Bearish, 0.5));
        score.Update(Signal(tfs[7], Trend.Neutral, 0.2));
        score.Update(Signal(tfs[8], Trend.Neutral, 0.2));
        Assert.Equal((4.1, 5, 2, 2), (score.Score, score.Bullish, score.Bearish, score.Neutral));

        // Perfectly split: 4 bullish at 1, 4 bearish at 1, one neutral at 0 → alignment 0, Σ 8 → 40/9 = 4.44 → 4.4
        var split = new ConfluenceScore();
        for (var i = 0; i < 8; i++)
        {
            split.Update(Signal(tfs[i], i < 4 ? Trend.Bullish : Trend.Bearish, 1.0));
        }

        split.Update(Signal(tfs[8], Trend.Neutral, 0));
        Assert.Equal(4.4, split.Score);
    }

    [Fact]
    public void Replacing_a_signal_adjusts_the_counts_incrementally()
    {
        var score = new ConfluenceScore();
        score.Update(Signal(Timeframe.H1, Trend.Bullish, 1.0));
        Assert.Equal(1.1, score.Score); // 5/9 + 5/9 = 1.11
        Assert.True(score.Update(Signal(Timeframe.H1, Trend.Bearish, 0.5, time: 200)));
        Assert.Equal((0, 1), (score.Bullish, score.Bearish));
        Assert.Equal(0.8, score.Score); // 5/9 + 2.5/9 = 0.83
        Assert.False(score.Update(Signal(Timeframe.H1, Trend.Bearish, 0.5, time: 200))); // unchanged
    }
}
