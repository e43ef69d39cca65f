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
using TradingAlerts.Storage.Postgres;

namespace TradingAlerts.Grains;

/// <summary>
/// One symbol-timeframe pair: the latest bars in memory, every bar written through to PostgreSQL before
/// it is applied, the pair's signal pushed to the ConfluenceGrain only when it changes.
/// </summary>
public sealed class TimeframeGrain(
    IBarStore store,
    IGridEventPublisher events,
    IOptions<GridOptions> options,
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

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!Pair.TryParseKey(this.GetPrimaryKeyString(), out var pair))
        {
            throw new ArgumentException($"Not a symbol/timeframe key: {this.GetPrimaryKeyString()}");
        }

        _pair = pair.Value;
        _series = new BarSeries(options.Value.BarCapacity);
        // Rehydration: one query for the latest bars, so a grain that moved silos comes back whole.
        var held = await store.LatestAsync(_pair, options.Value.BarCapacity, cancellationToken);
        foreach (var bar in held)
        {
            _series.Apply(bar, MomentumJson.Parse(bar.Indicators.MomentumCandles));
        }

        if (held.Count > 0)
        {
            _latest = held[^1];
            _signal = ComputeSignal(_latest);
        }

        // Versions are ETags (and cache keys): each activation starts at a random point, so a version
        // handed out by an earlier activation, here or on another silo, never names different bars.
        _version = Random.Shared.NextInt64(1, long.MaxValue / 2);

        // After a restart or failover the confluence learns this timeframe's signal and latest bar again.
        PushSignal();
        PushLatest();
    }

    public async Task<int> Apply(BarRecord[] bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        if (bars.FirstOrDefault(b => b.Timeframe != _pair.Timeframe) is { } stray)
        {
            throw new ArgumentException($"{stray.Timeframe.Name()} bar sent to {_pair.Key}");
        }

        // Durable first: if the write fails, memory is untouched and the caller's cursor does not move.
        await store.UpsertAsync(_pair, bars);

        // Freshness counts every delivery, changed or not: it says data is still flowing.
        if (bars.Length > 0)
        {
            _lastReceivedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var written = bars.Max(b => b.WrittenAtMs);
            _lastWrittenAtMs = written > (_lastWrittenAtMs ?? 0) ? written : _lastWrittenAtMs;
        }

        var changed = new List<BarRecord>(bars.Length);
        foreach (var bar in bars.OrderBy(b => b.Time).ThenBy(b => b.Seq))
        {
            var change = _series.Apply(bar, MomentumJson.Parse(bar.Indicators.MomentumCandles));
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
        _observers.Notify(o => o.OnBars(_pair.Key, update));
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

    private TimeframeSignal ComputeSignal(BarRecord bar) =>
        SignalCalculator.Compute(bar, StructureSnapshot.Parse(bar.Indicators), _series.RecentMomentum(MomentumLookback));
}
