using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Client;

namespace TradingAlerts.Silo.Live;

/// <summary>
/// The bars of one pair: each change set the grain pushes becomes one <see cref="BarEvent"/> (rendered once per tier
/// for all streams), carrying the structures of the pair's latest bar.
/// </summary>
internal sealed class BarTopic(Pair pair, ILogger logger) : LiveTopic(KeyOf(pair), logger)
{
    private BarVersion? _latest; // the pump's own

    public static string KeyOf(Pair pair) => $"bars:{pair.Key}";

    protected override (IAsyncDisposable Subscription, Task FirstRound) Subscribe(GridSubscriptions subscriptions)
    {
        var subscription = subscriptions.SubscribeBars([pair], Inbox<BarUpdate>());
        return (subscription, subscription.FirstRound);
    }

    protected override Task PublishAsync(object update, IReadOnlyList<LiveClient> clients)
    {
        var changes = ((BarUpdate)update).Changes;
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

        return Task.CompletedTask;
    }
}
