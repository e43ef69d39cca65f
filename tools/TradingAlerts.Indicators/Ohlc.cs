namespace TradingAlerts.Indicators;

/// <summary>One bar's prices and volume; <see cref="Time"/> is the bar open time in unix seconds.</summary>
public readonly record struct Ohlc(long Time, double Open, double High, double Low, double Close, double Volume = 0)
{
    public double Body => Math.Abs(Close - Open);

    public double Range => High - Low;
}
