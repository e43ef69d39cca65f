using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Client;

namespace TradingAlerts.Api.Live;

/// <summary>
/// The bars of one pair: each change set the grain pushes becomes one <see cref="BarEvent"/> (rendered once per tier
/// for all streams), carrying the structures of the pair's latest bar.
/// </summary>
internal sealed class BarTopic(Pair pair, IGrainFactory grains, TimeSpan probeEvery, ILogger logger) : LiveTopic(KeyOf(pair), logger)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    private readonly ITimeframeGrain _grain = grains.GetGrain<ITimeframeGrain>(pair.Key);
    private BarVersion? _latest; // the pump's own
    private long _position = -1; // the pump's own: the highest position the subscription delivered

    /// <summary>
    /// The subscription is not relied on to be gap-free or even alive (a grain re-activated elsewhere forgets its
    /// observers until the next renewal): the grain's position is checked this often, and a change the subscription did
    /// not bring becomes a gap every stream fills from the grain itself.
    /// </summary>
    protected override TimeSpan? ProbeInterval => probeEvery;

    public static string KeyOf(Pair pair) => $"bars:{pair.Key}";

    protected override (IAsyncDisposable Subscription, Task FirstRound) Subscribe(GridSubscriber subscriptions)
    {
        var subscription = subscriptions.SubscribeBars([pair], Inbox<BarUpdate>());
        return (subscription, subscription.FirstRound);
    }

    protected override async Task PublishAsync(object update, IReadOnlyList<LiveClient> clients)
    {
        if (update is Probe)
        {
            if (clients.Count == 0)
            {
                return;
            }

            var position = await _grain.GetPosition().WaitAsync(ProbeTimeout);
            if (position > _position)
            {
                _position = position;
                // No versions, only "the pair is at this position": a stream behind it catches up from the grain.
                var nudge = new BarEvent(pair, new PairChanges(pair.Key, position, position, [], false, position), reset: false, null);
                foreach (var client in clients)
                {
                    client.Offer(nudge);
                }
            }

            return;
        }

        var changes = ((BarUpdate)update).Changes;
        _position = Math.Max(_position, changes.Position);
        _latest = BarEvent.Newest(_latest, changes.Bars);
        var live = new BarEvent(pair, changes, reset: false, _latest?.Bar.Indicators);
        if (changes.Reset)
        {
            // The grain could not say what changed (a new activation without a store): every stream catches up itself.
            live = new BarEvent(pair, changes with { After = long.MaxValue }, reset: false, _latest?.Bar.Indicators);
        }

        foreach (var client in clients)
        {
            client.Offer(live);
        }
    }
}
