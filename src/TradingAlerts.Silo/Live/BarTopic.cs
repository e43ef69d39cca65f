using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Client;
using TradingAlerts.Grains.Signals;
using TradingAlerts.Silo.Api;

namespace TradingAlerts.Silo.Live;

/// <summary>
/// The bars of one pair: each update becomes a <c>bar</c> event in the indicators endpoint's shape, holding
/// the changed bars, with the structures (fractals, lines, zigzag, keltner) of the pair's latest bar.
/// </summary>
internal sealed class BarTopic : LiveTopic
{
    public const string EventType = "bar";

    private readonly Pair _pair;
    private readonly ITimeframeGrain _grain;
    private BarRecord? _latest; // the pump's own

    public BarTopic(Pair pair, IGrainFactory grains, ILogger logger)
        : base(KeyOf(pair), logger)
    {
        _pair = pair;
        _grain = grains.GetGrain<ITimeframeGrain>(pair.Key);
    }

    public static string KeyOf(Pair pair) => $"bars:{pair.Key}";

    protected override (IAsyncDisposable Subscription, Task FirstRound) Subscribe(GridSubscriptions subscriptions)
    {
        var subscription = subscriptions.SubscribeBars([_pair], Inbox<BarUpdate>());
        return (subscription, subscription.FirstRound);
    }

    protected override async Task<LiveEvent> CurrentAsync()
    {
        if (await _grain.GetLatest() is { } latest)
        {
            Track(latest);
        }

        BarRecord[] bars = _latest is null ? [] : [_latest];
        return new LiveEvent(EventType, tier => Render(bars, tier));
    }

    protected override Task<LiveEvent> UpdateAsync(object update)
    {
        var bars = ((BarUpdate)update).Bars;
        foreach (var bar in bars)
        {
            Track(bar);
        }

        return Task.FromResult(new LiveEvent(EventType, tier => Render(bars, tier)));
    }

    /// <summary>Keeps the newest version of the latest bar; a re-sent older version (a join read raced it) is ignored.</summary>
    private void Track(BarRecord bar)
    {
        if (_latest is null || bar.Time > _latest.Time || (bar.Time == _latest.Time && bar.Seq >= _latest.Seq))
        {
            _latest = bar;
        }
    }

    private byte[] Render(IReadOnlyList<BarRecord> changed, Tier tier)
    {
        // The grain sends bars ordered by time then seq: of several versions of one bar the last is current.
        var bars = changed.Reverse().DistinctBy(b => b.Time).OrderBy(b => b.Time).ToArray();
        var momentum = bars
            .Select(b => (b.Time, Candle: MomentumJson.Parse(b.Indicators.MomentumCandles)))
            .Where(m => m.Candle is not null)
            .Select(m => m.Candle!.Value with { Time = m.Time }) // keyed by bar time, as the series holds them
            .ToArray();
        return IndicatorsResponseJson.Write(ResponseBars.Of(bars, momentum, _latest?.Indicators), _pair, tier);
    }
}
