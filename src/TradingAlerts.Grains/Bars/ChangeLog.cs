using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Ports;

namespace TradingAlerts.Grains.Bars;

/// <summary>
/// A pair's recent changes in memory, compacted as answers are: per bar time only its newest version (position and
/// whole bar), at most <see cref="Capacity"/> bars, the lowest positions dropped first. A bar whose newest position is
/// above <see cref="Floor"/> is always held, so the changes after any position at or above the floor are answered
/// from here alone (a superseded version is never part of an answer, so dropping it loses nothing).
/// </summary>
public sealed class ChangeLog
{
    private readonly List<StoredBar> _entries = []; // ascending position
    private readonly Dictionary<long, long> _positionByTime = [];

    /// <param name="capacity">Bars held at most.</param>
    /// <param name="floor">The position the log starts at (the activation's): nothing at or below it is held.</param>
    public ChangeLog(int capacity, long floor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        Floor = floor;
    }

    public int Capacity { get; }

    public int Count => _entries.Count;

    /// <summary>Every change above this position is held.</summary>
    public long Floor { get; private set; }

    public bool Covers(long after) => after >= Floor;

    /// <summary>A new version of <paramref name="bar"/> at <paramref name="position"/>, above every position held.</summary>
    public void Add(long position, BarRecord bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        if (_entries.Count > 0 && position <= _entries[^1].Position)
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, $"Positions only grow; the newest held is {_entries[^1].Position}");
        }

        if (_positionByTime.Remove(bar.Time, out var superseded))
        {
            _entries.RemoveAt(IndexOf(superseded));
        }

        _entries.Add(new StoredBar(position, bar));
        _positionByTime[bar.Time] = position;
        if (_entries.Count > Capacity)
        {
            var dropped = _entries[0];
            _entries.RemoveAt(0);
            _positionByTime.Remove(dropped.Bar.Time);
            Floor = dropped.Position;
        }
    }

    /// <summary>
    /// The held version of a bar rewritten without a new position (values the grain does not compare, such as an older
    /// bar's structures) takes the new values, as its stored row does.
    /// </summary>
    public void Refresh(BarRecord bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        if (_positionByTime.TryGetValue(bar.Time, out var position))
        {
            _entries[IndexOf(position)] = new StoredBar(position, bar);
        }
    }

    /// <summary>Held versions with a position above <paramref name="after"/> (which <see cref="Covers"/>), oldest first, at most <paramref name="max"/>.</summary>
    public List<StoredBar> Since(long after, int max)
    {
        var first = IndexAbove(after);
        return _entries.GetRange(first, Math.Min(max, _entries.Count - first));
    }

    /// <summary>The held version at <paramref name="position"/>, if it is the bar's newest.</summary>
    public BarRecord? Find(long position)
    {
        var i = IndexAbove(position - 1);
        return i < _entries.Count && _entries[i].Position == position ? _entries[i].Bar : null;
    }

    private int IndexOf(long position)
    {
        var i = IndexAbove(position - 1);
        return i < _entries.Count && _entries[i].Position == position ? i : throw new InvalidOperationException($"Position {position} is not held");
    }

    /// <summary>Index of the first entry with a position above <paramref name="after"/> (Count when none).</summary>
    private int IndexAbove(long after)
    {
        int lo = 0, hi = _entries.Count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (_entries[mid].Position > after)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }
}
