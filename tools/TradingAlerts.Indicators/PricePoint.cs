namespace TradingAlerts.Indicators;

/// <summary>A price at a bar time (unix seconds): a fractal or a zigzag turning point.</summary>
public readonly record struct PricePoint(long Time, double Price);

/// <summary>A line from one point to another, with the number of bars that touched it.</summary>
public readonly record struct TrendLine(long StartTime, double StartPrice, long EndTime, double EndPrice, int Touches)
{
    /// <summary>The line's price at <paramref name="time"/> (extrapolated beyond its ends).</summary>
    public double PriceAt(long time) => EndTime == StartTime
        ? StartPrice
        : StartPrice + ((EndPrice - StartPrice) * (time - StartTime) / (EndTime - StartTime));
}

/// <summary>A bar whose body is large against the recent average body.</summary>
public readonly record struct MomentumCandle(long Time, bool Bullish, double BodyRatio);

/// <summary>Keltner channel of one bar: five bands each side of the middle, inner to outer.</summary>
public sealed record KeltnerChannel(double Middle, double[] Upper, double[] Lower);
