using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Grains.Bars;

/// <summary>
/// The latest bars of one pair in a fixed-capacity ring of struct arrays (about 118 bytes a bar, no
/// per-bar objects or JSON strings), each with the change position of its held version. Bars stay in time
/// order: a new bar is appended (evicting the oldest when full), a bar with a held time replaces it in
/// place, a late bar is inserted in order.
/// </summary>
public sealed class BarSeries
{
    private readonly long[] _time;
    private readonly double[] _open, _high, _low, _close, _tema, _hrma, _smma;
    private readonly sbyte[] _momentum; // +1 bullish, −1 bearish, 0 none
    private readonly float[] _momentumRatio;
    private readonly long[] _tickVolume, _realVolume;
    private readonly int[] _spread;
    private readonly long[] _position;
    private int _start;

    public BarSeries(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _time = new long[capacity];
        _open = new double[capacity];
        _high = new double[capacity];
        _low = new double[capacity];
        _close = new double[capacity];
        _tema = new double[capacity];
        _hrma = new double[capacity];
        _smma = new double[capacity];
        _momentum = new sbyte[capacity];
        _momentumRatio = new float[capacity];
        _tickVolume = new long[capacity];
        _spread = new int[capacity];
        _realVolume = new long[capacity];
        _position = new long[capacity];
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    /// <summary>Time of the latest bar, or null when empty.</summary>
    public long? LatestTime => Count == 0 ? null : _time[Physical(Count - 1)];

    /// <summary>Bar open time at logical index <paramref name="i"/> (0 = oldest held).</summary>
    public long TimeAt(int i) => _time[Physical(i)];

    /// <summary>Change position of the held version at logical index <paramref name="i"/>.</summary>
    public long PositionAt(int i) => _position[Physical(i)];

    /// <summary>What <see cref="Apply"/> would do with the bar, changing nothing.</summary>
    public BarChange WouldChange(BarRecord bar, MomentumCandleInfo? momentum)
    {
        ArgumentNullException.ThrowIfNull(bar);
        var index = Search(bar.Time);
        if (index >= 0)
        {
            return Same(Physical(index), bar, momentum) ? BarChange.None : BarChange.Replaced;
        }

        var position = ~index;
        return position == Count ? BarChange.Appended
            : Count == Capacity && position == 0 ? BarChange.None
            : BarChange.Inserted;
    }

    /// <summary>True when a bar at <paramref name="time"/> is older than everything a full buffer holds (it is not kept).</summary>
    public bool IsBeforeHeld(long time) => Count == Capacity && time < _time[Physical(0)];

    /// <summary>
    /// Applies one bar; <paramref name="momentum"/> is its momentum candle, if any. <paramref name="position"/> is the
    /// change position of this version; null keeps the held bar's (a bar not held before gets 0).
    /// </summary>
    public BarChange Apply(BarRecord bar, MomentumCandleInfo? momentum, long? position = null)
    {
        ArgumentNullException.ThrowIfNull(bar);
        var index = Search(bar.Time);
        if (index >= 0)
        {
            var replaced = Write(index, bar, momentum, onlyIfDifferent: true);
            if (position is { } p)
            {
                _position[Physical(index)] = p;
            }

            return replaced ? BarChange.Replaced : BarChange.None;
        }

        var at = ~index;
        if (at == Count)
        {
            if (Count == Capacity)
            {
                _start = (_start + 1) % Capacity;
                Count--;
            }

            Count++;
            Write(Count - 1, bar, momentum, onlyIfDifferent: false);
            _position[Physical(Count - 1)] = position ?? 0;
            return BarChange.Appended;
        }

        // A late bar: older than the latest one.
        if (Count == Capacity)
        {
            if (at == 0)
            {
                return BarChange.None; // older than everything held: it belongs to PostgreSQL only
            }

            _start = (_start + 1) % Capacity; // drop the oldest to make room
            Count--;
            at--;
        }

        for (var i = Count; i > at; i--)
        {
            Copy(i - 1, i);
        }

        Count++;
        Write(at, bar, momentum, onlyIfDifferent: false);
        _position[Physical(at)] = position ?? 0;
        return BarChange.Inserted;
    }

    /// <summary>The latest <paramref name="limit"/> bars as index-aligned arrays, oldest first.</summary>
    public BarSeriesSnapshot Snapshot(string pairKey, long version, int limit, IndicatorValues? latest)
    {
        var n = Math.Clamp(limit, 0, Count);
        return Snapshot(pairKey, version, Count - n, n, latest);
    }

    /// <summary>
    /// The held bars that opened in [<paramref name="from"/>, <paramref name="to"/>], the newest <paramref name="limit"/>
    /// of them; <paramref name="latest"/> (the latest bar's structures) only when the range reaches the newest held bar.
    /// </summary>
    public BarSeriesSnapshot Range(string pairKey, long version, long from, long to, int limit, IndicatorValues? latest)
    {
        var end = Search(to);
        end = end >= 0 ? end + 1 : ~end; // one past the last bar at or before to
        var start = Search(from);
        start = start >= 0 ? start : ~start;
        var n = Math.Clamp(Math.Min(end - start, limit), 0, Count);
        return Snapshot(pairKey, version, end - n, n, n > 0 && end == Count ? latest : null);
    }

    /// <summary>Open time of the newest held bar before <paramref name="time"/>, or null.</summary>
    public long? Before(long time)
    {
        var index = Search(time);
        var i = (index >= 0 ? index : ~index) - 1;
        return i >= 0 ? _time[Physical(i)] : null;
    }

    /// <summary>Open time of the oldest held bar, or null when empty.</summary>
    public long? OldestTime => Count == 0 ? null : _time[Physical(0)];

    private BarSeriesSnapshot Snapshot(string pairKey, long version, int first, int n, IndicatorValues? latest)
    {
        var time = new long[n];
        var open = new double[n];
        var high = new double[n];
        var low = new double[n];
        var close = new double[n];
        var tema = new double?[n];
        var hrma = new double?[n];
        var smma = new double?[n];
        var tickVolume = new long[n];
        var spread = new int[n];
        var realVolume = new long[n];
        var momentum = new List<MomentumCandleInfo>();
        for (var k = 0; k < n; k++)
        {
            var p = Physical(first + k);
            time[k] = _time[p];
            open[k] = _open[p];
            high[k] = _high[p];
            low[k] = _low[p];
            close[k] = _close[p];
            tema[k] = Nullable(_tema[p]);
            hrma[k] = Nullable(_hrma[p]);
            smma[k] = Nullable(_smma[p]);
            tickVolume[k] = _tickVolume[p];
            spread[k] = _spread[p];
            realVolume[k] = _realVolume[p];
            if (_momentum[p] != 0)
            {
                momentum.Add(new MomentumCandleInfo(_time[p], _momentum[p] > 0, Widen(_momentumRatio[p])));
            }
        }

        return new BarSeriesSnapshot(pairKey, version, time, open, high, low, close, tema, hrma, smma, [.. momentum], latest, tickVolume, spread, realVolume);
    }

    /// <summary>The held bar in force at <paramref name="time"/> (latest open ≤ time) without structures, or null.</summary>
    public BarRecord? At(Abstractions.Catalogue.Timeframe timeframe, long time)
    {
        var index = Search(time);
        var i = index >= 0 ? index : ~index - 1;
        return i < 0 || i >= Count ? null : BarAt(timeframe, i);
    }

    /// <summary>The held bar at logical index <paramref name="i"/> (0 = oldest held), without structures.</summary>
    public BarRecord BarAt(Abstractions.Catalogue.Timeframe timeframe, int i)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, Count);
        var p = Physical(i);
        var momentum = _momentum[p] == 0
            ? "[]"
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"[{{\"time\":{_time[p]},\"direction\":\"{(_momentum[p] > 0 ? "bullish" : "bearish")}\",\"body_ratio\":{_momentumRatio[p]}}}]");
        return new BarRecord(timeframe, _time[p], _open[p], _high[p], _low[p], _close[p],
            IndicatorValues.None with { MomentumCandles = momentum, Tema = Nullable(_tema[p]), Hrma = Nullable(_hrma[p]), Smma = Nullable(_smma[p]) },
            Seq: 0, WrittenAtMs: 0, _tickVolume[p], _spread[p], _realVolume[p]);
    }

    /// <summary>Momentum of the most recent bar within the last <paramref name="bars"/> that had one: +1, −1 or 0.</summary>
    public int RecentMomentum(int bars)
    {
        for (var i = Count - 1; i >= Math.Max(0, Count - bars); i--)
        {
            var m = _momentum[Physical(i)];
            if (m != 0)
            {
                return m;
            }
        }

        return 0;
    }

    private int Physical(int logical) => (_start + logical) % Capacity;

    private int Search(long time)
    {
        int lo = 0, hi = Count - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var t = _time[Physical(mid)];
            if (t == time)
            {
                return mid;
            }

            if (t < time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    /// <summary>True when the bar held at physical index <paramref name="p"/> has exactly these values.</summary>
    private bool Same(int p, BarRecord bar, MomentumCandleInfo? momentum)
    {
        var v = bar.Indicators;
        var direction = momentum is { } m ? (sbyte)(m.Bullish ? 1 : -1) : (sbyte)0;
        var ratio = momentum is { } r ? (float)r.BodyRatio : 0f;
        return _open[p] == bar.Open && _high[p] == bar.High && _low[p] == bar.Low && _close[p] == bar.Close
            && Same(_tema[p], v.Tema) && Same(_hrma[p], v.Hrma) && Same(_smma[p], v.Smma)
            && _momentum[p] == direction && _momentumRatio[p] == ratio
            && _tickVolume[p] == bar.TickVolume && _spread[p] == bar.Spread && _realVolume[p] == bar.RealVolume;
    }

    private bool Write(int logical, BarRecord bar, MomentumCandleInfo? momentum, bool onlyIfDifferent)
    {
        var p = Physical(logical);
        if (onlyIfDifferent && Same(p, bar, momentum))
        {
            return false;
        }

        var v = bar.Indicators;
        var direction = momentum is { } m ? (sbyte)(m.Bullish ? 1 : -1) : (sbyte)0;
        var ratio = momentum is { } r ? (float)r.BodyRatio : 0f;

        _time[p] = bar.Time;
        _open[p] = bar.Open;
        _high[p] = bar.High;
        _low[p] = bar.Low;
        _close[p] = bar.Close;
        _tema[p] = v.Tema ?? double.NaN;
        _hrma[p] = v.Hrma ?? double.NaN;
        _smma[p] = v.Smma ?? double.NaN;
        _momentum[p] = direction;
        _momentumRatio[p] = ratio;
        _tickVolume[p] = bar.TickVolume;
        _spread[p] = bar.Spread;
        _realVolume[p] = bar.RealVolume;
        return true;
    }

    private void Copy(int fromLogical, int toLogical)
    {
        var (f, t) = (Physical(fromLogical), Physical(toLogical));
        _time[t] = _time[f];
        _open[t] = _open[f];
        _high[t] = _high[f];
        _low[t] = _low[f];
        _close[t] = _close[f];
        _tema[t] = _tema[f];
        _hrma[t] = _hrma[f];
        _smma[t] = _smma[f];
        _momentum[t] = _momentum[f];
        _momentumRatio[t] = _momentumRatio[f];
        _tickVolume[t] = _tickVolume[f];
        _spread[t] = _spread[f];
        _realVolume[t] = _realVolume[f];
        _position[t] = _position[f];
    }

    private static bool Same(double held, double? incoming) =>
        incoming is { } v ? held == v : double.IsNaN(held);

    private static double? Nullable(double value) => double.IsNaN(value) ? null : value;

    /// <summary>The held float as the double its shortest text names: 2.1287f → 2.1287, not 2.128700017929077.</summary>
    private static double Widen(float value) =>
        double.Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
}
