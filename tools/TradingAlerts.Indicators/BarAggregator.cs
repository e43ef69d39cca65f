using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Indicators;

/// <summary>
/// Folds finer bars (M1 or M5) into one timeframe with exact OHLC: open of the first, highest high,
/// lowest low, close of the last, summed tick and real volume (MT5's own higher-timeframe volume is the sum of its
/// M1 volumes), the lowest spread (MT5 keeps a bar's lowest spread; 0, no spread known, does not count). Input must be in
/// time order; a bar is closed when an input bar from a later bucket arrives.
/// </summary>
public sealed class BarAggregator(Timeframe timeframe)
{
    private Ohlc? _forming;

    public Timeframe Timeframe { get; } = timeframe;

    /// <summary>The bar being built, if any.</summary>
    public Ohlc? Forming => _forming;

    /// <summary>Adds a finer bar; returns the bar it closed, if it opened a new bucket.</summary>
    public Ohlc? Add(Ohlc input)
    {
        var start = Timeframe.BucketStart(input.Time);
        if (_forming is { } current)
        {
            if (start < current.Time)
            {
                throw new ArgumentException($"Bar at {input.Time} is older than the forming {Timeframe.Name()} bar at {current.Time}", nameof(input));
            }

            if (start == current.Time)
            {
                _forming = current with
                {
                    High = Math.Max(current.High, input.High),
                    Low = Math.Min(current.Low, input.Low),
                    Close = input.Close,
                    Volume = current.Volume + input.Volume,
                    RealVolume = current.RealVolume + input.RealVolume,
                    Spread = current.Spread == 0 || (input.Spread != 0 && input.Spread < current.Spread) ? input.Spread : current.Spread,
                };
                return null;
            }
        }

        var closed = _forming;
        _forming = input with { Time = start };
        return closed;
    }
}
