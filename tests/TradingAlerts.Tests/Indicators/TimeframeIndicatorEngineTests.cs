using System.Text.Json;
using TradingAlerts.Indicators;

namespace TradingAlerts.Tests.Indicators;

public class TimeframeIndicatorEngineTests
{
    private static readonly IndicatorSettings Small = new()
    {
        TemaPeriod = 2, HrmaPeriod = 4, SmmaPeriod = 3, KeltnerEmaPeriod = 3, KeltnerAtrPeriod = 2,
        MomentumAveragePeriod = 3, LookbackBars = 50,
    };

    private static Ohlc Bar(int i, double open, double high, double low, double close) => new(i * 300L, open, high, low, close);

    [Fact]
    public void Keltner_bands_are_the_ema_plus_and_minus_atr_multiples()
    {
        // Flat closes at 10 with a constant range of 2 inside the previous close: EMA 10, ATR 2.
        var engine = new TimeframeIndicatorEngine(Small);
        for (var i = 0; i < 4; i++)
        {
            engine.Close(Bar(i, 10, 11, 9, 10));
        }

        var values = engine.Close(Bar(4, 10, 11, 9, 10)); // Hull(4) needs 4 + 2 − 1 = 5 bars
        Assert.Equal("""{"upper":[12,13,14,15,16],"middle":10,"lower":[8,7,6,5,4]}""", values.KeltnerChannels);
        Assert.Equal(10.0, values.Smma);
        Assert.Equal(10.0, values.Tema);
        Assert.Equal(10.0, values.Hrma);
    }

    [Fact]
    public void Values_are_null_until_each_indicator_has_enough_bars()
    {
        var engine = new TimeframeIndicatorEngine(Small);
        var first = engine.Close(Bar(0, 10, 11, 9, 10));
        Assert.Null(first.Tema);
        Assert.Null(first.Hrma);
        Assert.Null(first.Smma);
        Assert.Null(first.KeltnerChannels);
        Assert.Equal("[]", first.MomentumCandles);
        Assert.Equal("""{"peaks":[],"bottoms":[]}""", first.Fractals);
    }

    [Fact]
    public void A_body_twice_the_recent_average_is_a_momentum_candle()
    {
        var engine = new TimeframeIndicatorEngine(Small);
        engine.Close(Bar(0, 10, 11, 9, 10.5));
        engine.Close(Bar(1, 10.5, 11, 9, 10));
        engine.Close(Bar(2, 10, 11, 9, 10.5)); // bodies 0.5, 0.5, 0.5
        Assert.Equal("[]", engine.Evaluate(Bar(3, 10.5, 11.5, 10, 11.4)).MomentumCandles); // 0.9 < 2 × 0.5
        Assert.Equal("""[{"time":900,"direction":"bearish","body_ratio":2.4}]""",
            engine.Evaluate(Bar(3, 10.5, 11, 9, 9.3)).MomentumCandles); // 1.2 / 0.5
    }

    [Fact]
    public void Evaluating_the_forming_bar_commits_nothing()
    {
        var a = new TimeframeIndicatorEngine(Small);
        var b = new TimeframeIndicatorEngine(Small);
        var bars = Enumerable.Range(0, 30).Select(i => Bar(i, 10 + Math.Sin(i), 11 + Math.Sin(i) + (i % 3), 9 + Math.Sin(i) - (i % 2), 10 + Math.Cos(i))).ToList();
        foreach (var bar in bars)
        {
            // a sees the forming bar rewritten three times before it closes; b sees only closed bars.
            a.Evaluate(bar with { Close = bar.Open, High = Math.Max(bar.High, bar.Open), Low = Math.Min(bar.Low, bar.Open) });
            a.Evaluate(bar with { Close = bar.High });
            Assert.Equal(b.Evaluate(bar), a.Evaluate(bar));
            Assert.Equal(b.Close(bar), a.Close(bar));
        }
    }

    [Fact]
    public void Structures_use_bar_times_never_indexes()
    {
        var engine = new TimeframeIndicatorEngine(Small);
        double[] highs = [2, 3, 6, 3, 2, 3, 4, 3, 2];
        for (var i = 0; i < highs.Length; i++)
        {
            engine.Close(new Ohlc(1_641_254_400 + (i * 3600L), highs[i] - 0.5, highs[i], highs[i] - 1, highs[i] - 0.5));
        }

        var values = engine.Evaluate(new Ohlc(1_641_254_400 + (9 * 3600L), 2, 2.5, 1, 2));
        using var fractals = JsonDocument.Parse(values.Fractals!);
        // Peaks at bars 2 (6) and 6 (4): their open times, whatever their position in the window.
        var peaks = fractals.RootElement.GetProperty("peaks").EnumerateArray()
            .Select(p => (p.GetProperty("time").GetInt64(), p.GetProperty("price").GetDouble())).ToList();
        Assert.Equal([(1_641_254_400 + (2 * 3600L), 6.0), (1_641_254_400 + (6 * 3600L), 4.0)], peaks);
    }

    [Fact]
    public void Bars_must_come_in_time_order()
    {
        var engine = new TimeframeIndicatorEngine(Small);
        engine.Close(Bar(5, 1, 1, 1, 1));
        Assert.Throws<ArgumentException>(() => engine.Close(Bar(5, 1, 1, 1, 1)));
        Assert.Throws<ArgumentException>(() => engine.Evaluate(Bar(4, 1, 1, 1, 1)));
    }
}
