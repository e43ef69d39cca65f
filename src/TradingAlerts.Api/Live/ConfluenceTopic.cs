using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Client;
using TradingAlerts.Api.Caching;
using TradingAlerts.Api.Endpoints;
using TradingAlerts.Api.Errors;

namespace TradingAlerts.Api.Live;

/// <summary>The confluence of one symbol: each change becomes a <c>confluence</c> event in the GET /api/confluence shape.</summary>
internal sealed class ConfluenceTopic(string symbol, IGrainFactory grains, TimeSpan probeEvery, ILogger logger) : LiveTopic(KeyOf(symbol), logger)
{
    public const string EventType = "confluence";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    private readonly IConfluenceGrain _grain = grains.GetGrain<IConfluenceGrain>(symbol);
    private long? _version; // the pump's own: the grain's version when the view last sent was read

    /// <summary>
    /// As for bars, the subscription is not relied on: a grain re-activated elsewhere forgets the observer until the next
    /// renewal, and a latest-bar change that moves no signal notifies nobody. The grain's version is checked this often and
    /// a view it has not been sent at goes out, so a stream's confluence is the current one within the interval.
    /// </summary>
    protected override TimeSpan? ProbeInterval => probeEvery;

    public static string KeyOf(string symbol) => $"confluence:{symbol}";

    protected override (IAsyncDisposable Subscription, Task FirstRound) Subscribe(GridSubscriber subscriptions)
    {
        var subscription = subscriptions.SubscribeConfluence([symbol], Inbox<ConfluenceSnapshot>());
        return (subscription, subscription.FirstRound);
    }

    /// <summary>
    /// The change itself is only the trigger: the view read now (what GET /api/confluence serves) is at least as new as
    /// the snapshot. PRO only, so one rendering serves every stream.
    /// </summary>
    protected override async Task PublishAsync(object update, IReadOnlyList<LiveClient> clients)
    {
        if (clients.Count == 0)
        {
            return;
        }

        // Read before the view: the view is at least as new as the version remembered.
        var version = await _grain.GetVersion().WaitAsync(ProbeTimeout);
        if (update is Probe && version == _version)
        {
            return;
        }

        _version = version;
        var json = ConfluenceResponseJson.Write(await _grain.GetView().WaitAsync(ProbeTimeout));
        foreach (var client in clients)
        {
            client.Offer(symbol, json);
        }
    }
}
