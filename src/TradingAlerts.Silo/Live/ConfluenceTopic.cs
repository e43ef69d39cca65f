using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Client;
using TradingAlerts.Silo.Api;

namespace TradingAlerts.Silo.Live;

/// <summary>The confluence of one symbol: each change becomes a <c>confluence</c> event in the GET /api/confluence shape.</summary>
internal sealed class ConfluenceTopic(string symbol, IGrainFactory grains, ILogger logger) : LiveTopic(KeyOf(symbol), logger)
{
    public const string EventType = "confluence";

    private readonly IConfluenceGrain _grain = grains.GetGrain<IConfluenceGrain>(symbol);

    public static string KeyOf(string symbol) => $"confluence:{symbol}";

    protected override (IAsyncDisposable Subscription, Task FirstRound) Subscribe(GridSubscriptions subscriptions)
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

        var json = ConfluenceResponseJson.Write(await _grain.GetView());
        foreach (var client in clients)
        {
            client.Offer(symbol, json);
        }
    }
}
