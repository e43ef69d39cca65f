namespace TradingAlerts.Indicators;

/// <summary>Periods and thresholds of the collector's indicators (one set for every timeframe).</summary>
public sealed record IndicatorSettings
{
    public int TemaPeriod { get; init; } = 20;

    /// <summary>HRMA is the Hull moving average of this period.</summary>
    public int HrmaPeriod { get; init; } = 20;

    public int SmmaPeriod { get; init; } = 20;

    public int KeltnerEmaPeriod { get; init; } = 20;

    public int KeltnerAtrPeriod { get; init; } = 10;

    /// <summary>ATR multiples of the five bands on each side, inner to outer.</summary>
    public IReadOnlyList<double> KeltnerMultipliers { get; init; } = [1.0, 1.5, 2.0, 2.5, 3.0];

    /// <summary>Closed bars searched for fractals, zigzag and lines.</summary>
    public int LookbackBars { get; init; } = 100;

    /// <summary>Horizontal lines per side and diagonal lines per direction.</summary>
    public int LinesPerSide { get; init; } = 3;

    /// <summary>A bar touches a line within this fraction of ATR.</summary>
    public double TouchAtrFraction { get; init; } = 0.25;

    public int MomentumAveragePeriod { get; init; } = 20;

    /// <summary>A momentum candle's body is at least this multiple of the average body.</summary>
    public double MomentumBodyRatio { get; init; } = 2.0;

    public static IndicatorSettings Default { get; } = new();
}
