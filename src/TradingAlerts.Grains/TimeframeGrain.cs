using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Abstractions.Ports;
using TradingAlerts.Grains.Bars;
using TradingAlerts.Grains.Signals;

namespace TradingAlerts.Grains;

/// <summary>
/// One symbol-timeframe pair: the latest bars in memory, every bar written through to PostgreSQL before
/// it is applied, the pair's signal pushed to the ConfluenceGrain only when it changes. Every change gets
/// the pair's next change position, written with its row (docs/architecture.md "Change positions"). Nothing a bar
/// carries can fail an activation or leave a batch half applied: values that cannot be used count as
/// missing (logged once per activation), and a batch is checked in full before anything changes.
/// </summary>
public sealed partial class TimeframeGrain(
    IBarStore store,
    IGridEventPublisher events,
    IOptions<GridOptions> options,
    TimeProvider clock,
    IClusterMembershipService membership,
    ILogger<TimeframeGrain> logger) : Grain, ITimeframeGrain, IGrainMigrationParticipant
{
    /// <summary>Bars searched back for the latest momentum candle.</summary>
    public const int MomentumLookback = 5;

    private const string ObserversKey = "observers";

    private readonly ObserverManager<IBarObserver> _observers = new(options.Value.ObserverExpiry, logger);
    private readonly DeadSiloObservers _deadSilos = new(membership);
    private Pair _pair;
    private BarSeries _series = null!;
    private BarRecord? _latest;
    private TimeframeSignal? _signal;
    private long _version;
    private long _position;
    private long _nextPosition;
    private ChangeLog _changes = null!;
    private long? _lastReceivedAtMs;
    private long? _lastWrittenAtMs;
    private bool _reportedUnusable;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!Pair.TryParseKey(this.GetPrimaryKeyString(), out var pair))
        {
            throw new ArgumentException($"Not a symbol/timeframe key: {this.GetPrimaryKeyString()}");
        }

        _pair = pair.Value;
        _series = new BarSeries(options.Value.BarCapacity);

        // Positions continue above everything handed out before: with PostgreSQL the highest stored one (every
        // position is written with its row before anyone hears of it), without it the clock in microsecond-sized
        // steps, above any earlier activation's unless it handed out more than 1,000 positions a millisecond.
        _position = store.IsDurable
            ? await store.PositionAsync(_pair, cancellationToken)
            : clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        _nextPosition = _position;
        _changes = new ChangeLog(options.Value.ChangeLogCapacity, _position);

        // Rehydration: one streamed query for the latest bars, so a grain that moved silos comes back whole. Only what
        // the grain keeps is read: numbers and momentum of every bar, structures of the newest stored bar.
        // A stored value that cannot be used counts as missing; a stored bar without usable prices is skipped.
        var faults = new List<string>();
        var skipped = 0;
        long? newestStored = null;
        await foreach (var stored in store.RehydrateAsync(_pair, options.Value.BarCapacity, cancellationToken))
        {
            newestStored = stored.Bar.Time;
            if (BarCheck.PriceFault(stored.Bar) is { } priceFault)
            {
                faults.Add($"{stored.Bar.Time}: {priceFault}");
                skipped++;
                continue;
            }

            _latest = Apply(stored.Bar, stored.Position, faults);
        }

        if (_latest is not null && _latest.Time != newestStored)
        {
            // The newest stored bar had no usable prices: the structures of the bar that is latest instead are read now.
            var at = await store.AtAsync(_pair.Symbol, _latest.Time, 1, cancellationToken);
            if (at.TryGetValue(_pair.Timeframe, out var bars) && bars is [var full] && full.Time == _latest.Time)
            {
                _latest = Apply(full, null, faults);
            }
        }

        if (faults.Count > 0)
        {
            ReportUnusable("stored", faults, skipped);
        }

        if (_latest is not null)
        {
            _signal = ComputeSignal(_latest);
        }

        // Versions are ETags (and cache keys): each activation starts at a random point, so a version
        // handed out by an earlier activation, here or on another silo, never names different bars.
        _version = Random.Shared.NextInt64(1, long.MaxValue / 2);

        // After a restart or failover the confluence learns this timeframe's signal and latest bar again.
        PushSignal();
        PushLatest();
    }

    /// <summary>One stored bar into the series at its position (null: the held one's), its unusable values dropped (faults named with its time).</summary>
    private BarRecord Apply(BarRecord stored, long? position, List<string> faults)
    {
        var before = faults.Count;
        var bar = BarCheck.WithoutUnusableValues(stored, faults);
        for (var i = before; i < faults.Count; i++)
        {
            faults[i] = $"{bar.Time}: {faults[i]}";
        }

        _series.Apply(bar, MomentumJson.Parse(bar.Indicators.MomentumCandles), position);
        return bar;
    }

    public async Task<int> Apply(BarRecord[] bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        // Check everything before anything changes: a refused batch changes nothing, in memory or in PostgreSQL.
        if (bars.FirstOrDefault(b => b.Timeframe != _pair.Timeframe) is { } stray)
        {
            throw new ArgumentException($"{stray.Timeframe.Name()} bar sent to {_pair.Key}");
        }

        if (bars.Select(b => BarCheck.PriceFault(b) is { } fault ? $"{_pair.Key} bar {b.Time} (seq {b.Seq}): {fault}" : null).FirstOrDefault(f => f is not null) is { } refused)
        {
            throw new ArgumentException(refused);
        }

        // One version per bar time, the highest seq (as the store and the collector file keep it), in time order.
        var faults = new List<string>();
        var ready = bars
            .Select(b => BarCheck.WithoutUnusableValues(b, faults))
            .OrderBy(b => b.Time).ThenBy(b => b.Seq)
            .GroupBy(b => b.Time).Select(g => g.Last())
            .Select(b => (Bar: b, Momentum: MomentumJson.Parse(b.Indicators.MomentumCandles)))
            .ToList();
        if (faults.Count > 0)
        {
            ReportUnusable("received", faults, 0);
        }

        // Which versions are changes, decided before anything changes; each gets the next position, in time order.
        var positions = new Dictionary<long, long>();
        var next = _nextPosition;
        var heldChanged = false;
        foreach (var (bar, momentum) in ready)
        {
            var change = _series.WouldChange(bar, momentum);
            var latestRewritten = bar.Time == _latest?.Time && bar.Indicators != _latest.Indicators;
            if (change != BarChange.None || latestRewritten || _series.IsBeforeHeld(bar.Time))
            {
                positions[bar.Time] = ++next;
                heldChanged |= change != BarChange.None || latestRewritten;
            }
        }

        // Handed out once, even if the write fails: a write that failed on the way back may have committed them.
        // The pair's position (what GetPosition answers) moves only once the change is applied.
        _nextPosition = next;

        // Durable next: if the write fails, memory is untouched and the caller's cursor does not move.
        await store.UpsertAsync(_pair, [.. ready.Select(r => r.Bar)], positions);

        // From here on nothing can fail: memory, version, position, latest, signal and notifications change together.
        // Freshness counts every delivery, changed or not: it says data is still flowing.
        if (bars.Length > 0)
        {
            _lastReceivedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var written = bars.Max(b => b.WrittenAtMs);
            _lastWrittenAtMs = written > (_lastWrittenAtMs ?? 0) ? written : _lastWrittenAtMs;
        }

        var changed = new List<StoredBar>(positions.Count);
        foreach (var (bar, momentum) in ready)
        {
            long? position = positions.TryGetValue(bar.Time, out var p) ? p : null;
            _series.Apply(bar, momentum, position);
            if (position is { } at)
            {
                changed.Add(new StoredBar(at, bar));
                _changes.Add(at, bar);
            }
            else
            {
                _changes.Refresh(bar);
            }

            if (_latest is null || bar.Time >= _latest.Time)
            {
                _latest = bar;
            }
        }

        if (changed.Count == 0)
        {
            return 0;
        }

        var after = _position;
        _position = changed[^1].Position;
        if (heldChanged)
        {
            _version++;
        }

        var signal = _latest is null ? null : ComputeSignal(_latest);
        if (signal is not null && (_signal is null || !ConfluenceScore.SameSignal(_signal, signal)))
        {
            _signal = signal;
            PushSignal();
        }

        if (changed.Any(c => c.Bar.Time == _latest?.Time))
        {
            PushLatest();
        }

        var changes = new PairChanges(_pair.Key, after, _position, Versions(changed), Reset: false, Current: _position);
        _deadSilos.Prune(_observers);
        _observers.Notify(o => o.OnChanges(changes));
        events.PublishBars(_pair.Symbol, _pair.Timeframe.Name(), [.. changed.Select(c => c.Bar)]);
        return changed.Count;
    }

    public Task<BarSeriesSnapshot> GetBars(int limit) =>
        Task.FromResult(_series.Snapshot(_pair.Key, _version, limit, _latest?.Indicators));

    public Task<BarRange> GetRange(long oldest, long newest, int limit) =>
        Task.FromResult(new BarRange(_series.Range(_pair.Key, _version, oldest, newest, limit, _latest?.Indicators),
            _series.OldestTime, _series.LatestTime, _series.Count == _series.Capacity, _series.Before(oldest)));

    public Task<PairSummary> GetSummary() =>
        Task.FromResult(new PairSummary(_latest, _signal, new PairFreshness(_series.Count, _series.LatestTime, _lastReceivedAtMs, _lastWrittenAtMs)));

    public Task<long> GetVersion() => Task.FromResult(_version);

    public Task<BarRecord?> GetLatest() => Task.FromResult(_latest);

    public Task<TimeframeSignal?> GetSignal() => Task.FromResult(_signal);

    public Task<BarRecord?> GetBarAt(long time) =>
        Task.FromResult(_latest is { } latest && time >= latest.Time ? latest : _series.At(_pair.Timeframe, time));

    public Task<PairFreshness> GetFreshness() =>
        Task.FromResult(new PairFreshness(_series.Count, _series.LatestTime, _lastReceivedAtMs, _lastWrittenAtMs));

    public Task<long> GetPosition() => Task.FromResult(_position);

    public async Task<PairChanges> GetChangesSince(long after, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        max = Math.Min(max, MaxChangesPerAnswer);
        var current = _position;
        if (after < 0 || after > current)
        {
            return Reset(after, max); // never handed out by this pair: a foreign, future or malformed position
        }

        if (after == current)
        {
            return new PairChanges(_pair.Key, after, current, [], Reset: false, Current: current);
        }

        if (_changes.Covers(after))
        {
            return Page(after, current, _changes.Since(after, max), max);
        }

        if (!store.IsDurable)
        {
            return Reset(after, max); // older than memory, and nothing else keeps it
        }

        // Bounded by current: rows a write in flight has stored already are not changes this grain has applied yet.
        return Page(after, current, await store.ChangesSinceAsync(_pair, after, current, max), max);
    }

    /// <summary>Most versions one GetChangesSince answer carries, whatever was asked: ask again from its Position.</summary>
    public const int MaxChangesPerAnswer = 10_000;

    /// <summary>A full page ends at its last version (more may follow); a short one has everything up to <paramref name="current"/>.</summary>
    private PairChanges Page(long after, long current, List<StoredBar> found, int max) =>
        new(_pair.Key, after, found.Count == max ? found[^1].Position : current, Versions(found), Reset: false, Current: current);

    /// <summary>
    /// The current state instead of changes: the latest <paramref name="max"/> held bars at their positions, the latest
    /// whole, the others whole when the change log still holds them (else as held: numbers and momentum, no structures).
    /// </summary>
    private PairChanges Reset(long after, int max)
    {
        var n = Math.Min(max, _series.Count);
        var found = new List<StoredBar>(n);
        for (var i = _series.Count - n; i < _series.Count; i++)
        {
            var (time, position) = (_series.TimeAt(i), _series.PositionAt(i));
            var bar = _latest is { } latest && latest.Time == time ? latest
                : _changes.Find(position) is { } logged && logged.Time == time ? logged
                : _series.BarAt(_pair.Timeframe, i);
            found.Add(new StoredBar(position, bar));
        }

        return new PairChanges(_pair.Key, after, _position, Versions(found), Reset: true, Current: _position);
    }

    /// <summary>Closed: a later bar of the pair exists now, as the version is handed out.</summary>
    private BarVersion[] Versions(List<StoredBar> found)
    {
        var latest = _latest?.Time;
        return [.. found.Select(s => new BarVersion(s.Position, s.Bar.Time < latest, s.Bar))];
    }

    public Task Subscribe(IBarObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IBarObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    // A grain the rebalancer moves keeps its subscribers: the new activation rebuilds everything else from PostgreSQL,
    // but without these the streams on every silo would hear nothing from it until their next renewal.
    void IGrainMigrationParticipant.OnDehydrate(IDehydrationContext dehydrationContext) =>
        dehydrationContext.TryAddValue(ObserversKey, _observers.Observers.Values.ToArray());

    void IGrainMigrationParticipant.OnRehydrate(IRehydrationContext rehydrationContext)
    {
        if (rehydrationContext.TryGetValue<IBarObserver[]>(ObserversKey, out var observers) && observers is not null)
        {
            foreach (var observer in observers)
            {
                _observers.Subscribe(observer, observer);
            }
        }
    }

    /// <summary>One-way: the confluence is derived state and must never hold up ingest.</summary>
    private void PushSignal()
    {
        if (_signal is { } signal)
        {
            GrainFactory.GetGrain<IConfluenceGrain>(_pair.Symbol).UpdateSignal(signal).Ignore();
        }
    }

    /// <summary>One-way as well: the confluence's view (its 117 indicators) follows the latest bar.</summary>
    private void PushLatest()
    {
        if (_latest is { } latest)
        {
            GrainFactory.GetGrain<IConfluenceGrain>(_pair.Symbol).UpdateLatest(latest).Ignore();
        }
    }

    /// <summary>Once per activation a warning with the first faults; later ones count as missing without a word.</summary>
    private void ReportUnusable(string where, List<string> faults, int skippedBars)
    {
        if (_reportedUnusable)
        {
            return;
        }

        _reportedUnusable = true;
        LogUnusable(logger, _pair.Key, faults.Count, where, skippedBars, string.Join("; ", faults.Take(3)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pair}: {Count} {Where} value(s) cannot be used and count as missing ({Skipped} bar(s) without usable prices skipped); first: {Faults}. Reported once per activation.")]
    private static partial void LogUnusable(ILogger logger, string pair, int count, string where, int skipped, string faults);

    private TimeframeSignal ComputeSignal(BarRecord bar) =>
        SignalCalculator.Compute(bar, StructureSnapshot.Parse(bar.Indicators), _series.RecentMomentum(MomentumLookback));
}
