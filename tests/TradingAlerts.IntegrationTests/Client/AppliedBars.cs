using System.Threading.Channels;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Client;

namespace TradingAlerts.IntegrationTests.Client;

/// <summary>
/// A consumer as the documentation describes one: applies every delivered update in order per pair (a reset
/// replaces what is held) and records each broken promise: an update not following the previous one's position
/// (a hole), a position delivered twice, versions out of order.
/// </summary>
internal sealed class AppliedBars
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Pair, Dictionary<long, BarVersion>> _state = [];
    private readonly Dictionary<Pair, long> _position = [];
    private readonly Dictionary<Pair, HashSet<long>> _delivered = [];
    private readonly List<string> _violations = [];

    /// <param name="from">Where each pair must start (the first update's After); pairs absent: anywhere.</param>
    public AppliedBars(IReadOnlyDictionary<Pair, long>? from = null)
    {
        foreach (var (pair, position) in from ?? new Dictionary<Pair, long>())
        {
            _position[pair] = position;
        }
    }

    public int Updates { get; private set; }

    public int Resets { get; private set; }

    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_lock)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>The pair's position after everything applied (null: nothing yet).</summary>
    public long? Position(Pair pair)
    {
        lock (_lock)
        {
            return _position.TryGetValue(pair, out var position) ? position : null;
        }
    }

    /// <summary>What is held for <paramref name="pair"/>: the newest version of each bar, by time.</summary>
    public IReadOnlyDictionary<long, BarVersion> State(Pair pair)
    {
        lock (_lock)
        {
            return _state.TryGetValue(pair, out var state) ? new Dictionary<long, BarVersion>(state) : [];
        }
    }

    /// <summary>Every position delivered for <paramref name="pair"/>.</summary>
    public IReadOnlySet<long> Delivered(Pair pair)
    {
        lock (_lock)
        {
            return _delivered.TryGetValue(pair, out var delivered) ? new HashSet<long>(delivered) : [];
        }
    }

    public void Apply(BarUpdate update)
    {
        lock (_lock)
        {
            Updates++;
            var (pair, changes) = (update.Pair, update.Changes);
            if (changes.Pair != pair.Key)
            {
                _violations.Add($"an update of {changes.Pair} delivered as {pair.Key}");
            }

            if (_position.TryGetValue(pair, out var previous) && changes.After != previous)
            {
                _violations.Add($"{pair.Key}: an update after {changes.After} followed position {previous}");
            }

            var state = _state.TryGetValue(pair, out var held) ? held : _state[pair] = [];
            var delivered = _delivered.TryGetValue(pair, out var set) ? set : _delivered[pair] = [];
            if (changes.Reset)
            {
                Resets++;
                state.Clear();
            }

            var last = changes.After;
            foreach (var version in changes.Bars)
            {
                if (!changes.Reset && (version.Position <= last || version.Position > changes.Position))
                {
                    _violations.Add($"{pair.Key}: version at {version.Position} outside ({last}, {changes.Position}]");
                }

                if (!changes.Reset && !delivered.Add(version.Position))
                {
                    _violations.Add($"{pair.Key}: position {version.Position} delivered twice");
                }

                last = version.Position;
                state[version.Bar.Time] = version;
            }

            _position[pair] = changes.Position;
        }
    }

    /// <summary>Reads <paramref name="updates"/> into this until it completes or <paramref name="cancellationToken"/> ends.</summary>
    public async Task ReadAsync(ChannelReader<BarUpdate> updates, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in updates.ReadAllAsync(cancellationToken))
            {
                Apply(update);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
