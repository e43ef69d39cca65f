using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Grains.Signals;

namespace TradingAlerts.Tests.Grains;

/// <summary>
/// Cases worked by hand from the documented rules (docs/architecture.md, "Signals and the confluence score"), not
/// from the code: each vote +1/−1/0, absent without its inputs; bullish at net ≥ +2, bearish at ≤ −2; strength =
/// |net| / available; score = round1(5·|bullish − bearish|/9 + 5·Σstrength/9), rounded as the original plan's
/// Math.round(x * 10) / 10, so an exact half goes up (3.25 → 3.3, never the banker's 3.2).
/// </summary>
public class HandWorkedConfluenceTests
{
    private const long Time = 1_641_254_400;

    private static BarRecord Bar(Timeframe tf, double close, double? tema = null, double? hrma = null, double? smma = null,
        string? keltner = null, string? momentum = "[]") =>
        new(tf, Time, close, close, close, close, new IndicatorValues(null, null, null, momentum, keltner, tema, hrma, smma, null), 1, 1);

    private static string Candle(string direction) => $$"""[{"time":{{Time}},"direction":"{{direction}}","body_ratio":0.8}]""";

    private static TimeframeSignal Signal(Timeframe tf, Trend trend, double strength) => new(tf, Time, trend, strength, new Dictionary<string, int>());

    /// <summary>
    /// Nine timeframes whose votes are chosen so that 3 are bullish, 4 bearish and the strengths sum to 4.85:
    /// 5·1/9 + 5·4.85/9 = 29.25/9 = 3.25 exactly, a midpoint.
    /// </summary>
    private static readonly (BarRecord Bar, string Trend, double Strength)[] MidpointDay =
    [
        // TEMA only: close above it +1, a bullish candle +1 → net +2 of 2.
        (Bar(Timeframe.M5, 1.20, tema: 1.10, momentum: Candle("bullish")), "Bullish", 1.0),
        // Above all three MAs +3, stack 1.10 < 1.15 not ordered 0, bullish candle +1 → +4 of 5.
        (Bar(Timeframe.M15, 1.20, tema: 1.10, hrma: 1.15, smma: 1.00, momentum: Candle("bullish")), "Bullish", 0.8),
        // TEMA +1, HRMA +1 (no SMMA, so no stack), Keltner middle below +1, no candle 0 → +3 of 4.
        (Bar(Timeframe.M30, 1.20, tema: 1.10, hrma: 1.15, keltner: """{"upper":[1.3],"middle":1.18,"lower":[1.0]}"""), "Bullish", 0.75),
        // Below all three −3, stack 1.10 > 1.05 but 1.05 < 1.20: 0, bearish candle −1 → −4 of 5.
        (Bar(Timeframe.H1, 1.00, tema: 1.10, hrma: 1.05, smma: 1.20, momentum: Candle("bearish")), "Bearish", 0.8),
        // The same without a candle → −3 of 5.
        (Bar(Timeframe.H2, 1.00, tema: 1.10, hrma: 1.05, smma: 1.20), "Bearish", 0.6),
        // TEMA −1, HRMA −1, close exactly on the Keltner middle 0, no candle 0 → −2 of 4: the bearish threshold itself.
        (Bar(Timeframe.H4, 1.00, tema: 1.10, hrma: 1.05, keltner: """{"upper":[1.1],"middle":1.00,"lower":[0.9]}"""), "Bearish", 0.5),
        // Below all three −3, stack 0, a bullish candle +1 → −2 of 5.
        (Bar(Timeframe.H8, 1.00, tema: 1.10, hrma: 1.05, smma: 1.20, momentum: Candle("bullish")), "Bearish", 0.4),
        // Close exactly on TEMA 0, no candle 0 → 0 of 2.
        (Bar(Timeframe.H12, 1.10, tema: 1.10), "Neutral", 0),
        // No indicator at all: only the momentum vote, 0 → 0 of 1.
        (Bar(Timeframe.D1, 1.10), "Neutral", 0),
    ];

    [Fact]
    public void Each_timeframe_of_the_midpoint_day_votes_as_worked_out()
    {
        foreach (var (bar, trend, strength) in MidpointDay)
        {
            var signal = StoredSignals.Signal([bar]);
            Assert.Equal((bar.Timeframe, trend, strength), (signal.Timeframe, signal.Trend.ToString(), signal.Strength));
        }
    }

    [Fact]
    public void A_score_of_exactly_three_and_a_quarter_rounds_up_to_three_point_three()
    {
        var bars = MidpointDay.ToDictionary(d => d.Bar.Timeframe, d => new List<BarRecord> { d.Bar });
        var snapshot = StoredSignals.Confluence("EURUSD", Time, bars);
        Assert.Equal((3, 4, 2), (snapshot.Bullish, snapshot.Bearish, snapshot.Neutral));
        Assert.Equal(3.3, snapshot.Score);

        // The same signals applied one by one to the grain's incremental score, in either order.
        foreach (var order in new[] { MidpointDay, MidpointDay.Reverse().ToArray() })
        {
            var score = new ConfluenceScore();
            foreach (var (bar, _, _) in order)
            {
                score.Update(StoredSignals.Signal([bar]));
            }

            Assert.Equal(3.3, score.Score);
        }
    }

    [Theory]
    // 1 bullish at 1.0, one neutral at 0.25 (net +1 of 4): 5·1/9 + 5·1.25/9 = 11.25/9 = 1.25 → 1.3
    [InlineData(1, 0, new[] { 1.0, 0.25 }, 1.3)]
    // 3 bullish at 1/2, 3/4, 1; 4 bearish at 4/5, 3/5, 1/2, 2/5: 5·1/9 + 5·4.55/9 = 27.75/9 = 3.0833 → 3.1
    [InlineData(3, 4, new[] { 0.5, 0.75, 1.0, 0.8, 0.6, 0.5, 0.4 }, 3.1)]
    // 6 bullish at 1, three neutral without a signal: 5·6/9 + 5·6/9 = 60/9 = 6.667 → 6.7
    [InlineData(6, 0, new[] { 1.0, 1.0, 1.0, 1.0, 1.0, 1.0 }, 6.7)]
    // 5 bullish at 1, 1 bearish at 1, three neutral at 1/4: 5·4/9 + 5·6.75/9 = 53.75/9 = 5.972 → 6.0
    [InlineData(5, 1, new[] { 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.25, 0.25, 0.25 }, 6.0)]
    // 2 bullish at 1, 1 bearish at 0.5, one neutral at 0.25: 5·1/9 + 5·2.75/9 = 18.75/9 = 2.0833 → 2.1
    [InlineData(2, 1, new[] { 1.0, 1.0, 0.5, 0.25 }, 2.1)]
    // 4 bullish, 3 bearish, two neutral at 1/5 and 1/4: Σ 0.8+0.8+0.75+1 + 0.6+0.5+0.4 + 0.2+0.25 = 5.3:
    // 5·1/9 + 5·5.3/9 = 31.5/9 = 3.5 → 3.5
    [InlineData(4, 3, new[] { 0.8, 0.8, 0.75, 1.0, 0.6, 0.5, 0.4, 0.2, 0.25 }, 3.5)]
    public void Scores_round_half_up_to_one_decimal(int bullish, int bearish, double[] strengths, double expected)
    {
        var signals = strengths.Select((s, i) => Signal(Timeframes.All[i],
            i < bullish ? Trend.Bullish : i < bullish + bearish ? Trend.Bearish : Trend.Neutral, s)).ToList();
        var score = new ConfluenceScore();
        signals.ForEach(s => score.Update(s));
        Assert.Equal(expected, score.Score);
        Assert.Equal(expected, ConfluenceScore.Snapshot("EURUSD", Time, signals.ToDictionary(s => s.Timeframe)).Score);
    }

    [Fact]
    public void A_momentum_candle_counts_within_five_bars_and_no_further()
    {
        // The latest bar has only TEMA below its close (+1); a bullish candle four bars back still votes (+1 → net +2).
        BarRecord At(int barsBack, string momentum) => Bar(Timeframe.H1, 1.20, tema: 1.10, momentum: momentum) with { Time = Time - (barsBack * 3600) };
        List<BarRecord> Recent(int candleBarsBack) => [.. Enumerable.Range(0, 6).Reverse().Select(back => At(back, back == candleBarsBack ? Candle("bullish") : "[]"))];

        var within = StoredSignals.Signal(Recent(candleBarsBack: 4));
        Assert.Equal((1, "Bullish", 1.0), (within.Votes["momentum"], within.Trend.ToString(), within.Strength));

        // Five bars back is the sixth bar: no candle within the five, the vote is 0 (net +1 of 2, neutral at 0.5).
        var beyond = StoredSignals.Signal(Recent(candleBarsBack: 5));
        Assert.Equal((0, "Neutral", 0.5), (beyond.Votes["momentum"], beyond.Trend.ToString(), beyond.Strength));
    }

    [Fact]
    public void Structures_vote_on_their_last_points_and_lines()
    {
        // Close 1.10. ZigZag: higher high (1.20 → 1.25) but lower low (1.05 → 1.02): mixed, 0.
        // Fractals: last peak 1.08 (by time, though listed first) is broken upward: +1.
        // Horizontal: the most recent peak line (start 300) ends at 1.12, not broken; the latest bottom line at 1.11 is: −1.
        var bar = new BarRecord(Timeframe.H4, Time, 1.10, 1.10, 1.10, 1.10, new IndicatorValues(
            Fractals: """{"peaks":[{"time":400,"price":1.08},{"time":100,"price":1.30}],"bottoms":[]}""",
            HorizontalTrendlines: """{"peak_lines":[{"start_time":100,"start_price":1.0,"end_time":500,"end_price":1.0,"touches":2},{"start_time":300,"start_price":1.12,"end_time":500,"end_price":1.12,"touches":3}],"bottom_lines":[{"start_time":200,"start_price":1.11,"end_time":500,"end_price":1.11,"touches":2}]}""",
            DiagonalTrendlines: null,
            MomentumCandles: "[]",
            KeltnerChannels: null,
            Tema: null, Hrma: null, Smma: null,
            ZigZag: """{"peaks":[{"time":100,"price":1.20},{"time":300,"price":1.25}],"bottoms":[{"time":200,"price":1.05},{"time":400,"price":1.02}]}"""), 1, 1);
        var signal = StoredSignals.Signal([bar]);
        Assert.Equal(new Dictionary<string, int>
        {
            ["zigzag_structure"] = 0,
            ["fractal_break"] = 1,
            ["momentum"] = 0,
            ["horizontal_break"] = -1,
        }, signal.Votes);
        Assert.Equal(("Neutral", 0.0), (signal.Trend.ToString(), signal.Strength));
    }
}
