using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Abstractions.Ports;
using TradingAlerts.Grains.Signals;
using TradingAlerts.Grains.Bars;

namespace TradingAlerts.Grains;

/// <summary>
/// One symbol's confluence: the nine latest timeframe signals folded into a 0–10 score, updated in
/// O(1) per signal change, pushed to observers and Redis when it changes.
/// </summary>
public sealed class ConfluenceGrain(IBarStore store, IGridEventPublisher events, IOptions<GridOptions> options, IClusterMembershipService membership, ILogger<ConfluenceGrain> logger)
    : Grain, IConfluenceGrain, IGrainMigrationParticipant
{
    private const string ObserversKey = "observers";

    private readonly ObserverManager<IConfluenceObserver> _observers = new(options.Value.ObserverExpiry, logger);
    private readonly DeadSiloObservers _deadSilos = new(membership);
    private readonly ConfluenceScore _score = new();
    private readonly SignalHistory _history = new(options.Value.ConfluenceHistory);
    private readonly Dictionary<Timeframe, BarRecord> _latest = [];
    private string _symbol = string.Empty;
    private long _version;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _symbol = this.GetPrimaryKeyString();
        if (!Symbols.IsKnown(_symbol))
        {
            throw new ArgumentException($"Invalid symbol: {_symbol}");
        }

        // The version keys cached responses and is the ETag: each activation starts at a random point, so a
        // version from an earlier activation (here or on another silo) never names a different view.
        _version = Random.Shared.NextInt64(1, long.MaxValue / 2);
        await Rebuild(cancellationToken);
        ConfluenceLog.Rebuilt(logger, _symbol, _score.Signals.Count);
    }

    /// <summary>
    /// Rebuilds the nine signals and latest bars from the stored rows, so an activation after a deactivation, a silo
    /// loss, a restart or idle collection serves what the grain served before: timeframe grains push only on change,
    /// and a timeframe whose signal did not change would otherwise count as neutral. One query (each timeframe's
    /// latest bars, as many as the momentum vote looks back over); every bar is written through before a timeframe
    /// grain applies it, so the rows are never behind the grains. Pushes that arrive meanwhile wait until the
    /// activation ends and are then applied under the usual ordering rules. The grain calls no other grain: pulling
    /// from timeframe grains while they push to it can deadlock inside the runtime.
    /// </summary>
    private async Task Rebuild(CancellationToken cancellationToken)
    {
        // Unusable stored values count as missing, as in the timeframe grain (which logs them).
        var stored = StoredSignals.Usable(await store.AtAsync(_symbol, DateTimeOffset.MaxValue.ToUnixTimeSeconds(), StoredSignals.BarsNeeded, cancellationToken), []);
        foreach (var bars in stored.Values)
        {
            Accept(StoredSignals.Signal(bars));
            AcceptLatest(bars[^1]);
        }
    }

    public Task UpdateSignal(TimeframeSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (Accept(signal))
        {
            var snapshot = Current();
            _deadSilos.Prune(_observers);
            _observers.Notify(o => o.OnConfluence(snapshot));
            events.PublishConfluence(snapshot);
        }

        return Task.CompletedTask;
    }

    public Task UpdateLatest(BarRecord bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        AcceptLatest(bar);
        return Task.CompletedTask;
    }

    /// <summary>Takes a timeframe's signal unless it is older than the held one; true when the score's inputs changed.</summary>
    private bool Accept(TimeframeSignal signal)
    {
        // One-way messages may arrive out of order: a signal of an older bar never replaces a newer one, and
        // one equal to the held signal changes nothing (not even the version, which keys cached responses).
        if (_score.Signals.TryGetValue(signal.Timeframe, out var held)
            && (signal.BarTime < held.BarTime || ConfluenceScore.SameSignal(held, signal)))
        {
            return false;
        }

        _version++;
        _history.Add(signal);
        return _score.Update(signal);
    }

    private void AcceptLatest(BarRecord bar)
    {
        // Out-of-order delivery again: an older bar, or an older write of the same forming bar, is dropped.
        if (_latest.TryGetValue(bar.Timeframe, out var held)
            && ((bar.Time, bar.Seq).CompareTo((held.Time, held.Seq)) < 0 || bar == held))
        {
            return;
        }

        _latest[bar.Timeframe] = bar;
        _version++;
    }

    public Task<long> GetVersion() => Task.FromResult(_version);

    public Task<ConfluenceView> GetView() =>
        Task.FromResult(new ConfluenceView(_version, Current(), new Dictionary<Timeframe, BarRecord>(_latest)));

    public Task<ConfluenceSnapshot> GetConfluence() => Task.FromResult(Current());

    public Task<ConfluenceAtTime> GetConfluenceAt(long at) =>
        Task.FromResult(_history.At(at, out var reason) is { } signals
            ? ConfluenceAtTime.Found(ConfluenceScore.Snapshot(_symbol, at, signals))
            : ConfluenceAtTime.NotHeld(reason!));

    public async Task<ConfluenceAtTime> GetPastView(long at)
    {
        // The signal history holds signals as they were pushed, and a bar's last version never is when its successor
        // arrives in the same batch: with a durable store the stored rows answer, with the signals computed as the
        // timeframe grains compute them.
        if (!store.IsDurable)
        {
            var held = await GetConfluenceAt(at);
            return held.Snapshot is null ? held : held with { Bars = await HeldBarsAt(at) };
        }

        var bars = StoredSignals.Usable(await store.AtAsync(_symbol, at, StoredSignals.BarsNeeded), []);
        return bars.Count == 0
            ? ConfluenceAtTime.NotHeld($"confluence at {DateTimeOffset.FromUnixTimeSeconds(at):u} is older than the stored {_symbol} bars")
            : new ConfluenceAtTime(StoredSignals.Confluence(_symbol, at, bars), null, bars.ToDictionary(b => b.Key, b => b.Value[^1]));
    }

    public Task Subscribe(IConfluenceObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IConfluenceObserver observer)
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
        if (rehydrationContext.TryGetValue<IConfluenceObserver[]>(ObserversKey, out var observers) && observers is not null)
        {
            foreach (var observer in observers)
            {
                _observers.Subscribe(observer, observer);
            }
        }
    }

    /// <summary>The bar in force at <paramref name="at"/> of each timeframe (one read each, in parallel).</summary>
    private async Task<Dictionary<Timeframe, BarRecord>> HeldBarsAt(long at)
    {
        var bars = await Task.WhenAll(Timeframes.All.Select(async tf =>
            (tf, bar: await GrainFactory.GetGrain<ITimeframeGrain>(new Pair(_symbol, tf).Key).GetBarAt(at))));
        return bars.Where(b => b.bar is not null).ToDictionary(b => b.tf, b => b.bar!);
    }

    private ConfluenceSnapshot Current()
    {
        var time = _score.Signals.Count == 0 ? 0 : _score.Signals.Values.Max(s => s.BarTime);
        return new ConfluenceSnapshot(_symbol, time, _score.Score, _score.Bullish, _score.Bearish, _score.Neutral,
            new Dictionary<Timeframe, TimeframeSignal>(_score.Signals));
    }
}
