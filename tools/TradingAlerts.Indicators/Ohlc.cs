namespace TradingAlerts.Indicators;

/// <summary>One bar's prices and volume; <see cref="Time"/> is the bar open time in unix seconds.</summary>
/// <param name="Volume">Tick volume (MT5's <c>tick_volume</c>, the export's Volume or TICKVOL column).</param>
/// <param name="Spread">Spread in points (MT5's <c>spread</c>); 0 when the source has none.</param>
/// <param name="RealVolume">Traded volume where the broker has it (MT5's <c>real_volume</c>, the export's VOL column).</param>
public readonly record struct Ohlc(long Time, double Open, double High, double Low, double Close, double Volume = 0, int Spread = 0, double RealVolume = 0)
{
    public double Body => Math.Abs(Close - Open);

    public double Range => High - Low;
}
