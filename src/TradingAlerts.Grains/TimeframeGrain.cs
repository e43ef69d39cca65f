using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Grains.Bars;
using TradingAlerts.Grains.Events;
using TradingAlerts.Grains.Options;
using TradingAlerts.Grains.Signals;

namespace TradingAlerts.Grains;

/// <summary>
/// One symbol-timeframe pair: the latest bars in memory, every bar written through to PostgreSQL before
/// it is applied, the pair's signal pushed to the ConfluenceGrain only when it changes. Nothing a bar
/// carries can fail an activation or leave a batch half applied: values that cannot be used count as
/// missing (logged once per activation), and a batch is checked in full before anything changes.
/// </summary>
public sealed partial class TimeframeGrain(
    IBarStore store,
    IGridEventPublisher events,
    IOptions<GridOptions> options,
    TimeProvider clock,
    ILogger<TimeframeGrain> logger) : Grain, ITimeframeGrain
{
    /// <summary>Bars searched back for the latest momentum candle.</summary>
    public const int MomentumLookback = 5;

    private readonly ObserverManager<IBarObserver> _observers = new(options.Value.ObserverExpiry, logger);
    private Pair _pair;
    private BarSeries _series = null!;
    private BarRecord? _latest;
    private TimeframeSignal? _signal;
    private long _version;
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
        // Rehydration: one streamed query for the latest bars, so a grain that moved silos comes back whole. Only what
        // the grain keeps is read: numbers and momentum of every bar, structures of the newest stored bar.
        // A stored value that cannot be used counts as missing; a stored bar without usable prices is skipped.
        var faults = new List<string>();
        var skipped = 0;
        long? newestStored = null;
        await foreach (var stored in store.RehydrateAsync(_pair, options.Value.BarCapacity, cancellationToken))
        {
            newestStored = stored.Time;
            if (BarCheck.PriceFault(stored) is { } priceFault)
            {
                faults.Add($"{stored.Time}: {priceFault}");
                skipped++;
                continue;
            }

            _latest = Apply(stored, faults);
        }

        if (_latest is not null && _latest.Time != newestStored)
        {
            // The newest stored bar had no usable prices: the structures of the bar that is latest instead are read now.
            var at = await store.AtAsync(_pair.Symbol, _latest.Time, 1, cancellationToken);
            if (at.TryGetValue(_pair.Timeframe, out var bars) && bars is [var full] && full.Time == _latest.Time)
            {
                _latest = Apply(full, faults);
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

    /// <summary>One stored bar into the series, its unusable values dropped (faults named with its time).</summary>
    private BarRecord Apply(BarRecord stored, List<string> faults)
    {
        var before = faults.Count;
        var bar = BarCheck.WithoutUnusableValues(stored, faults);
        for (var i = before; i < faults.Count; i++)
        {
            faults[i] = $"{bar.Time}: {faults[i]}";
        }

        _series.Apply(bar, MomentumJson.Parse(bar.Indicators.MomentumCandles));
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

        var faults = new List<string>();
        var ready = bars
            .Select(b => BarCheck.WithoutUnusableValues(b, faults))
            .OrderBy(b => b.Time).ThenBy(b => b.Seq)
            .Select(b => (Bar: b, Momentum: MomentumJson.Parse(b.Indicators.MomentumCandles)))
            .ToList();
        if (faults.Count > 0)
        {
            ReportUnusable("received", faults, 0);
        }

        // Durable next: if the write fails, memory is untouched and the caller's cursor does not move.
        await store.UpsertAsync(_pair, [.. ready.Select(r => r.Bar)]);

        // From here on nothing can fail: memory, version, latest, signal and notifications change together.
        // Freshness counts every delivery, changed or not: it says data is still flowing.
        if (bars.Length > 0)
        {
            _lastReceivedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var written = bars.Max(b => b.WrittenAtMs);
            _lastWrittenAtMs = written > (_lastWrittenAtMs ?? 0) ? written : _lastWrittenAtMs;
        }

        var changed = new List<BarRecord>(ready.Count);
        foreach (var (bar, momentum) in ready)
        {
            var change = _series.Apply(bar, momentum);
            if (change != BarChange.None || (bar.Time == _latest?.Time && bar.Indicators != _latest.Indicators))
            {
                changed.Add(bar);
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

        _version++;
        var signal = _latest is null ? null : ComputeSignal(_latest);
        if (signal is not null && (_signal is null || !ConfluenceScore.SameSignal(_signal, signal)))
        {
            _signal = signal;
            PushSignal();
        }

        if (changed.Any(b => b.Time == _latest?.Time))
        {
            PushLatest();
        }

        var update = changed.ToArray();
        // Positions are not built yet (issue 20 step 1): every change is handed out at position 0.
        var changes = new PairChanges(_pair.Key, 0, 0, [.. update.Select(b => new BarVersion(0, b.Time < _latest!.Time, b))], false, 0);
        _observers.Notify(o => o.OnChanges(changes));
        events.PublishBars(_pair.Symbol, _pair.Timeframe.Name(), update);
        return changed.Count;
    }

    public Task<BarSeriesSnapshot> GetBars(int limit) =>
        Task.FromResult(_series.Snapshot(_pair.Key, _version, limit, _latest?.Indicators));

    public Task<long> GetVersion() => Task.FromResult(_version);

    public Task<BarRecord?> GetLatest() => Task.FromResult(_latest);

    public Task<TimeframeSignal?> GetSignal() => Task.FromResult(_signal);

    public Task<BarRecord?> GetBarAt(long time) =>
        Task.FromResult(_latest is { } latest && time >= latest.Time ? latest : _series.At(_pair.Timeframe, time));

    public Task<PairFreshness> GetFreshness() =>
        Task.FromResult(new PairFreshness(_series.Count, _series.LatestTime, _lastReceivedAtMs, _lastWrittenAtMs));

    public Task<long> GetPosition() => throw new NotSupportedException("Change positions are not built yet");

    public Task<PairChanges> GetChangesSince(long after, int max) => throw new NotSupportedException("Change positions are not built yet");

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
