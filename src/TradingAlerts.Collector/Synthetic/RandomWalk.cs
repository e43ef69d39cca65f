using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Indicators;

namespace TradingAlerts.Collector.Synthetic;

/// <summary>
/// A deterministic random walk of M5 bars for one instrument: Gaussian close-to-close moves with slow
/// drift changes, wicks beyond the body, prices rounded to the instrument's decimals.
/// </summary>
public sealed class RandomWalk(InstrumentProfile profile, int seed)
{
    private readonly Random _random = new(seed);
    private double _price = profile.Start;
    private double _drift;

    /// <summary>Next M5 bar opening at <paramref name="time"/> (aligned to M5).</summary>
    public Ohlc Next(long time)
    {
        if (!Timeframe.M5.IsAligned(time))
        {
            throw new ArgumentException($"{time} is not an M5 bar time", nameof(time));
        }

        var sigma = profile.M5Volatility * _price;
        if (_random.NextDouble() < 0.02)
        {
            _drift = Gaussian() * sigma * 0.06; // regime change: trends come and go
        }

        var open = Round(_price);
        var close = Round(_price + _drift + (Gaussian() * sigma));
        var high = Round(Math.Max(open, close) + (Math.Abs(Gaussian()) * sigma * 0.5));
        var low = Round(Math.Min(open, close) - (Math.Abs(Gaussian()) * sigma * 0.5));
        _price = close;
        return new Ohlc(time, open, high, low, close, Volume: 50 + _random.Next(500));
    }

    private double Round(double price) => Math.Round(price, profile.Decimals, MidpointRounding.AwayFromZero);

    private double Gaussian()
    {
        // Box–Muller; 1 - NextDouble() keeps the logarithm's argument in (0, 1].
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
