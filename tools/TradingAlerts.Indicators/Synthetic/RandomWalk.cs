namespace TradingAlerts.Indicators.Synthetic;

/// <summary>
/// A deterministic random walk for one instrument: Gaussian close-to-close moves scaled to the step
/// length, slow drift regimes, wicks beyond the body, prices rounded to the instrument's decimals.
/// Steps may be whole M5 bars (backfills) or short spans of a forming bar (live feeds).
/// </summary>
public sealed class RandomWalk(InstrumentProfile profile, int seed)
{
    private const double M5Seconds = 300;
    private readonly Random _random = new(seed);
    private double _price = profile.Start;
    private double _drift;

    public InstrumentProfile Profile => profile;

    /// <summary>The price movement of <paramref name="seconds"/> starting at <paramref name="time"/>, as one bar.</summary>
    public Ohlc Next(long time, int seconds = 300)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        var span = seconds / M5Seconds;
        var sigma = profile.M5Volatility * _price * Math.Sqrt(span);
        if (_random.NextDouble() < 0.02 * span)
        {
            _drift = Gaussian() * profile.M5Volatility * 0.06; // regime change: trends come and go
        }

        var open = Round(_price);
        var close = Round(_price + (_drift * _price * span) + (Gaussian() * sigma));
        var high = Round(Math.Max(open, close) + (Math.Abs(Gaussian()) * sigma * 0.5));
        var low = Round(Math.Min(open, close) - (Math.Abs(Gaussian()) * sigma * 0.5));
        _price = close;
        // Busier bars (a wider range) have more ticks and, as on a real feed, a tighter lowest spread.
        var ticks = 1 + _random.Next((int)Math.Ceiling(250 * span)) + (int)Math.Round(250 * span * (high - low) / Math.Max(sigma, double.Epsilon) / 2);
        return new Ohlc(time, open, high, low, close, Volume: ticks, Spread: SpreadPoints(ticks, span));
    }

    /// <summary>About a third of an M5 move (EURUSD 10 points, gold 38), wider in quiet bars.</summary>
    private int SpreadPoints(int ticks, double span)
    {
        var typical = profile.M5Volatility * profile.Start * 0.3 * Math.Pow(10, profile.Decimals);
        return Math.Max(1, (int)Math.Round(typical * (1 + (5 * span / ticks))));
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
