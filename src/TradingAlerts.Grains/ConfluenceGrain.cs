using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Grains.Events;
using TradingAlerts.Grains.Options;
using TradingAlerts.Grains.Signals;

namespace TradingAlerts.Grains;

/// <summary>
/// One symbol's confluence: the nine latest timeframe signals folded into a 0–10 score, updated in
/// O(1) per signal change, pushed to observers and Redis when it changes.
/// </summary>
public sealed class ConfluenceGrain(IGridEventPublisher events, IOptions<GridOptions> options, ILogger<ConfluenceGrain> logger)
    : Grain, IConfluenceGrain
{
    private readonly ObserverManager<IConfluenceObserver> _observers = new(options.Value.ObserverExpiry, logger);
    private readonly ConfluenceScore _score = new();
    private readonly SignalHistory _history = new(options.Value.ConfluenceHistory);
    private readonly Dictionary<Timeframe, BarRecord> _latest = [];
    private string _symbol = string.Empty;
    private long _version;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _symbol = this.GetPrimaryKeyString();
        // The version keys cached responses: each activation starts at a random point, so a version from an
        // earlier activation (here or on another silo) never names a different view.
        _version = Random.Shared.NextInt64(1, long.MaxValue / 2);
        // The confluence only receives: timeframe grains push their signal on activation and on every change.
        // It never calls them back, so grain calls form a one-way chain (agent → symbol → timeframe → confluence).
        return Symbols.IsKnown(_symbol) ? Task.CompletedTask : throw new ArgumentException($"Invalid symbol: {_symbol}");
    }

    public Task UpdateSignal(TimeframeSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        // One-way messages may arrive out of order: a signal of an older bar never replaces a newer one.
        if (_score.Signals.TryGetValue(signal.Timeframe, out var held) && signal.BarTime < held.BarTime)
        {
            return Task.CompletedTask;
        }

        _version++;
        _history.Add(signal);
        if (_score.Update(signal))
        {
            var snapshot = Current();
            _observers.Notify(o => o.OnConfluence(snapshot));
            events.PublishConfluence(snapshot);
        }

        return Task.CompletedTask;
    }

    public Task UpdateLatest(BarRecord bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        // Out-of-order delivery again: an older bar, or an older write of the same forming bar, is dropped.
        if (_latest.TryGetValue(bar.Timeframe, out var held) && (bar.Time, bar.Seq).CompareTo((held.Time, held.Seq)) < 0)
        {
            return Task.CompletedTask;
        }

        _latest[bar.Timeframe] = bar;
        _version++;
        return Task.CompletedTask;
    }

    public Task<long> GetVersion() => Task.FromResult(_version);

    public Task<ConfluenceView> GetView() =>
        Task.FromResult(new ConfluenceView(_version, Current(), new Dictionary<Timeframe, BarRecord>(_latest)));

    public Task<ConfluenceSnapshot> GetConfluence(long? at)
    {
        if (at is not { } time)
        {
            return Task.FromResult(Current());
        }

        var signals = _history.At(time, out var reason) ?? throw new ArgumentOutOfRangeException(nameof(at), at, reason);
        var bullish = signals.Values.Count(s => s.Trend == Trend.Bullish);
        var bearish = signals.Values.Count(s => s.Trend == Trend.Bearish);
        var score = ConfluenceScore.Compute(bullish, bearish, signals.Values.Sum(s => s.Strength));
        return Task.FromResult(new ConfluenceSnapshot(_symbol, time, score, bullish, bearish, Timeframes.All.Count - bullish - bearish, signals));
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

    private ConfluenceSnapshot Current()
    {
        var time = _score.Signals.Count == 0 ? 0 : _score.Signals.Values.Max(s => s.BarTime);
        return new ConfluenceSnapshot(_symbol, time, _score.Score, _score.Bullish, _score.Bearish, _score.Neutral,
            new Dictionary<Timeframe, TimeframeSignal>(_score.Signals));
    }
}
