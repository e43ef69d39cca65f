using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Indicators;

/// <summary>
/// Computes every indicator of one timeframe incrementally, bar by bar, as the MQL5 service does on
/// that timeframe. <see cref="Evaluate"/> gives the values of the forming bar without committing it
/// (the forming bar is rewritten every cycle); <see cref="Close"/> commits a finished bar.
/// Moving averages carry state across bars; structures (fractals, zigzag, lines) are recomputed over
/// the last <see cref="IndicatorSettings.LookbackBars"/> closed bars.
/// </summary>
public sealed class TimeframeIndicatorEngine
{
    private readonly IndicatorSettings _settings;
    private readonly List<Ohlc> _closed = [];
    private readonly List<double> _closes = [];
    private readonly int _keep;
    private Tema _tema;
    private Smma _smma;
    private Ema _keltnerEma;
    private Smma _atr;

    public TimeframeIndicatorEngine(IndicatorSettings? settings = null)
    {
        _settings = settings ?? IndicatorSettings.Default;
        _tema = new Tema(_settings.TemaPeriod);
        _smma = new Smma(_settings.SmmaPeriod);
        _keltnerEma = new Ema(_settings.KeltnerEmaPeriod);
        _atr = new Smma(_settings.KeltnerAtrPeriod);
        _keep = Math.Max(_settings.LookbackBars, Math.Max(_settings.HrmaPeriod + 8, _settings.MomentumAveragePeriod)) + 1;
    }

    /// <summary>Closed bars held (at most what the indicators need).</summary>
    public IReadOnlyList<Ohlc> ClosedBars => _closed;

    /// <summary>Indicator values of <paramref name="bar"/> as if it were the next bar, without committing it.</summary>
    public IndicatorValues Evaluate(Ohlc bar) => Compute(bar, commit: false);

    /// <summary>Commits <paramref name="bar"/> as closed and returns its final indicator values.</summary>
    public IndicatorValues Close(Ohlc bar) => Compute(bar, commit: true);

    private IndicatorValues Compute(Ohlc bar, bool commit)
    {
        if (_closed.Count > 0 && bar.Time <= _closed[^1].Time)
        {
            throw new ArgumentException($"Bar at {bar.Time} is not after the last closed bar at {_closed[^1].Time}", nameof(bar));
        }

        var previousClose = _closed.Count > 0 ? _closed[^1].Close : (double?)null;
        var trueRange = previousClose is { } pc
            ? Math.Max(bar.Range, Math.Max(Math.Abs(bar.High - pc), Math.Abs(bar.Low - pc)))
            : bar.Range;
        var tema = _tema.Step(bar.Close);
        var smma = _smma.Step(bar.Close);
        var keltnerEma = _keltnerEma.Step(bar.Close);
        var atr = _atr.Step(trueRange);

        _closes.Add(bar.Close);
        var hrma = WeightedAverage.Hull(_closes, _closes.Count - 1, _settings.HrmaPeriod);
        _closes.RemoveAt(_closes.Count - 1);

        var values = new IndicatorValues(
            Fractals: null,
            HorizontalTrendlines: null,
            DiagonalTrendlines: null,
            MomentumCandles: IndicatorJson.Momentum(Momentum(bar)),
            KeltnerChannels: keltnerEma.Current is { } mid && atr.Current is { } a ? IndicatorJson.Keltner(Keltner(mid, a)) : null,
            Tema: tema.Current,
            Hrma: hrma,
            Smma: smma.Current,
            ZigZag: null);
        values = WithStructures(values, bar, atr.Current);

        if (commit)
        {
            (_tema, _smma, _keltnerEma, _atr) = (tema, smma, keltnerEma, atr);
            _closed.Add(bar);
            _closes.Add(bar.Close);
            if (_closed.Count > _keep)
            {
                _closed.RemoveAt(0);
                _closes.RemoveAt(0);
            }
        }

        return values;
    }

    private IndicatorValues WithStructures(IndicatorValues values, Ohlc bar, double? atr)
    {
        var window = _closed.Count > _settings.LookbackBars ? _closed[^_settings.LookbackBars..] : _closed;
        var (peaks, bottoms) = Structures.Fractals(window);
        var (zigPeaks, zigBottoms) = Structures.ZigZag(peaks, bottoms);
        var tolerance = atr is { } a ? a * _settings.TouchAtrFraction : bar.Close * 0.0005;
        List<Ohlc> touched = [.. window, bar];
        var lines = _settings.LinesPerSide;
        return values with
        {
            Fractals = IndicatorJson.Points(peaks, bottoms),
            ZigZag = IndicatorJson.Points(zigPeaks, zigBottoms),
            HorizontalTrendlines = IndicatorJson.Horizontal(
                Structures.HorizontalLines(touched, peaks, peaks: true, bar.Time, tolerance, lines),
                Structures.HorizontalLines(touched, bottoms, peaks: false, bar.Time, tolerance, lines)),
            DiagonalTrendlines = IndicatorJson.Diagonal(
                Structures.DiagonalLines(touched, bottoms, ascending: true, bar.Time, tolerance, lines),
                Structures.DiagonalLines(touched, peaks, ascending: false, bar.Time, tolerance, lines)),
        };
    }

    private MomentumCandle? Momentum(Ohlc bar)
    {
        var period = _settings.MomentumAveragePeriod;
        if (_closed.Count < period)
        {
            return null;
        }

        double sum = 0;
        for (var i = _closed.Count - period; i < _closed.Count; i++)
        {
            sum += _closed[i].Body;
        }

        var average = sum / period;
        if (average <= 0 || bar.Body < _settings.MomentumBodyRatio * average)
        {
            return null;
        }

        return new MomentumCandle(bar.Time, bar.Close > bar.Open, bar.Body / average);
    }

    private KeltnerChannel Keltner(double middle, double atr)
    {
        var multipliers = _settings.KeltnerMultipliers;
        return new KeltnerChannel(
            middle,
            [.. multipliers.Select(m => middle + (m * atr))],
            [.. multipliers.Select(m => middle - (m * atr))]);
    }
}
