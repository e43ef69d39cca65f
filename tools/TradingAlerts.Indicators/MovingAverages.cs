namespace TradingAlerts.Indicators;

/// <summary>
/// Exponential moving average, seeded with the simple average of its first <see cref="Period"/> values
/// (as MT5's iMA does), so it has no value before that. Immutable: <see cref="Step"/> returns the next
/// state, which lets the forming bar be evaluated without committing it.
/// </summary>
public readonly record struct Ema(int Period, int Count = 0, double Value = 0)
{
    public double? Current => Count >= Period ? Value : null;

    public Ema Step(double x)
    {
        var count = Count + 1;
        if (count < Period)
        {
            return this with { Count = count, Value = Value + x }; // running sum until seeded
        }

        if (count == Period)
        {
            return this with { Count = count, Value = (Value + x) / Period };
        }

        var alpha = 2.0 / (Period + 1);
        return this with { Count = count, Value = Value + (alpha * (x - Value)) };
    }
}

/// <summary>Smoothed (Wilder) moving average: seeded with the simple average, then (prev·(n−1) + x) / n.</summary>
public readonly record struct Smma(int Period, int Count = 0, double Value = 0)
{
    public double? Current => Count >= Period ? Value : null;

    public Smma Step(double x)
    {
        var count = Count + 1;
        if (count < Period)
        {
            return this with { Count = count, Value = Value + x };
        }

        return count == Period
            ? this with { Count = count, Value = (Value + x) / Period }
            : this with { Count = count, Value = ((Value * (Period - 1)) + x) / Period };
    }
}

/// <summary>Triple EMA: 3·EMA − 3·EMA(EMA) + EMA(EMA(EMA)); each stage starts when the one before has a value.</summary>
public readonly record struct Tema(Ema E1, Ema E2, Ema E3)
{
    public Tema(int period)
        : this(new Ema(period), new Ema(period), new Ema(period))
    {
    }

    public double? Current => E1.Current is { } a && E2.Current is { } b && E3.Current is { } c ? (3 * a) - (3 * b) + c : null;

    public Tema Step(double x)
    {
        var e1 = E1.Step(x);
        var e2 = e1.Current is { } v1 ? E2.Step(v1) : E2;
        var e3 = e1.Current is not null && e2.Current is { } v2 ? E3.Step(v2) : E3;
        return new Tema(e1, e2, e3);
    }
}

/// <summary>Linearly weighted averages over the end of a series (the newest value weighs most).</summary>
public static class WeightedAverage
{
    /// <summary>WMA of the <paramref name="period"/> values ending at index <paramref name="end"/>, or null when there are fewer.</summary>
    public static double? At(IReadOnlyList<double> values, int end, int period)
    {
        if (period <= 0 || end - period + 1 < 0 || end >= values.Count)
        {
            return null;
        }

        double sum = 0, weights = 0;
        for (var k = 0; k < period; k++)
        {
            var weight = period - k;
            sum += values[end - k] * weight;
            weights += weight;
        }

        return sum / weights;
    }

    /// <summary>
    /// Hull moving average at <paramref name="end"/>: WMA(2·WMA(n/2) − WMA(n), ⌊√n⌋). This is the
    /// grid's HRMA (Hull "reduced-lag" moving average).
    /// </summary>
    public static double? Hull(IReadOnlyList<double> closes, int end, int period)
    {
        var smoothing = (int)Math.Floor(Math.Sqrt(period));
        var raw = new double[smoothing];
        for (var k = 0; k < smoothing; k++)
        {
            if (At(closes, end - k, period / 2) is not { } half || At(closes, end - k, period) is not { } full)
            {
                return null;
            }

            raw[smoothing - 1 - k] = (2 * half) - full;
        }

        return At(raw, smoothing - 1, smoothing);
    }
}
