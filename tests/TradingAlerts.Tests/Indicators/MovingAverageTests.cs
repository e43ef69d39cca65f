using TradingAlerts.Indicators;

namespace TradingAlerts.Tests.Indicators;

/// <summary>Moving averages against values worked out by hand (in the comments).</summary>
public class MovingAverageTests
{
    private const double Tolerance = 1e-12;

    private static List<double?> Run<T>(T start, Func<T, double, T> step, Func<T, double?> current, params double[] inputs)
    {
        var values = new List<double?>();
        var state = start;
        foreach (var x in inputs)
        {
            state = step(state, x);
            values.Add(current(state));
        }

        return values;
    }

    [Fact]
    public void Ema_is_seeded_with_the_simple_average_then_smooths_by_two_over_n_plus_one()
    {
        // EMA(3), alpha 0.5: seed (1+2+3)/3 = 2; 2 + 0.5·(4−2) = 3; 3 + 0.5·(5−3) = 4.
        var values = Run(new Ema(3), (e, x) => e.Step(x), e => e.Current, 1, 2, 3, 4, 5);
        Assert.Equal([null, null, 2.0, 3.0, 4.0], values);
    }

    [Fact]
    public void Smma_is_wilders_average()
    {
        // SMMA(3): seed 2; (2·2 + 4)/3 = 8/3; (8/3·2 + 5)/3 = 31/9.
        var values = Run(new Smma(3), (e, x) => e.Step(x), e => e.Current, 1, 2, 3, 4, 5);
        Assert.Null(values[1]);
        Assert.Equal(2.0, values[2]!.Value, Tolerance);
        Assert.Equal(8.0 / 3, values[3]!.Value, Tolerance);
        Assert.Equal(31.0 / 9, values[4]!.Value, Tolerance);
    }

    [Fact]
    public void Tema_starts_after_three_seedings_and_tracks_a_linear_ramp_without_lag()
    {
        // TEMA(2) on 1..6: E1 = 1.5, 2.5, 3.5 …; E2 = 2, 3, 4 …; E3 = 2.5, 3.5, 4.5 (from bar 4).
        // Bar 4: 3·3.5 − 3·3 + 2.5 = 4, bar 6: 3·5.5 − 3·5 + 4.5 = 6.
        var values = Run(new Tema(2), (t, x) => t.Step(x), t => t.Current, 1, 2, 3, 4, 5, 6);
        Assert.Equal([null, null, null], values.Take(3));
        Assert.Equal(4.0, values[3]!.Value, Tolerance);
        Assert.Equal(5.0, values[4]!.Value, Tolerance);
        Assert.Equal(6.0, values[5]!.Value, Tolerance);
    }

    [Fact]
    public void Wma_weighs_the_newest_value_most()
    {
        // (3·3 + 2·2 + 1·1) / 6
        Assert.Equal(14.0 / 6, WeightedAverage.At([1, 2, 3], 2, 3)!.Value, Tolerance);
        // (4·3 + 3·2 + 2·1) / 6 over the last three of four
        Assert.Equal(20.0 / 6, WeightedAverage.At([1, 2, 3, 4], 3, 3)!.Value, Tolerance);
        Assert.Null(WeightedAverage.At([1, 2], 1, 3));
    }

    [Fact]
    public void Hull_average_needs_n_plus_sqrt_n_minus_one_values_and_has_no_lag_on_a_ramp()
    {
        // Hull(4) = WMA(2·WMA(2) − WMA(4), 2). On a ramp WMA(2) lags 1/3 and WMA(4) lags 1, so the raw
        // series leads by 1/3 and its WMA(2) lands back on the ramp.
        double[] ramp = [10, 11, 12, 13, 14, 15];
        Assert.Null(WeightedAverage.Hull(ramp, 3, 4));
        Assert.Equal(14.0, WeightedAverage.Hull(ramp, 4, 4)!.Value, Tolerance);
        Assert.Equal(15.0, WeightedAverage.Hull(ramp, 5, 4)!.Value, Tolerance);
    }

    [Fact]
    public void Hull_average_by_hand_on_uneven_data()
    {
        // closes 1, 3, 2, 5, 4: raw at i=3: 2·(2·5+2)/3 − (4·5+3·2+2·3+1)/10 = 8 − 3.3 = 4.7
        //                         raw at i=4: 2·(2·4+5)/3 − (4·4+3·5+2·2+3)/10 = 26/3 − 3.8
        // Hull = (2·raw4 + raw3) / 3
        double[] closes = [1, 3, 2, 5, 4];
        var raw3 = 8 - 3.3;
        var raw4 = (26.0 / 3) - 3.8;
        Assert.Equal(((2 * raw4) + raw3) / 3, WeightedAverage.Hull(closes, 4, 4)!.Value, Tolerance);
    }
}
