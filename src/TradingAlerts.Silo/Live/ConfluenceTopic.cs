using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Client;
using TradingAlerts.Silo.Api;

namespace TradingAlerts.Silo.Live;

/// <summary>The confluence of one symbol: each change becomes a <c>confluence</c> event in the GET /api/confluence shape.</summary>
internal sealed class ConfluenceTopic : LiveTopic
{
    public const string EventType = "confluence";

    private readonly string _symbol;
    private readonly IConfluenceGrain _grain;

    public ConfluenceTopic(string symbol, IGrainFactory grains, ILogger logger)
        : base(KeyOf(symbol), logger)
    {
        _symbol = symbol;
        _grain = grains.GetGrain<IConfluenceGrain>(symbol);
    }

    public static string KeyOf(string symbol) => $"confluence:{symbol}";

    protected override (IAsyncDisposable Subscription, Task FirstRound) Subscribe(GridSubscriptions subscriptions)
    {
        var subscription = subscriptions.SubscribeConfluence([_symbol], Inbox<ConfluenceSnapshot>());
        return (subscription, subscription.FirstRound);
    }

    protected override Task<LiveEvent> CurrentAsync() => Render();

    /// <summary>The change itself is only the trigger: the view read now is at least as new as the snapshot.</summary>
    protected override Task<LiveEvent> UpdateAsync(object update) => Render();

    /// <summary>PRO only, so one rendering serves every client; one call reads the view the GET endpoint serves.</summary>
    private async Task<LiveEvent> Render()
    {
        var json = ConfluenceResponseJson.Write(await _grain.GetView());
        return new LiveEvent(EventType, _ => json);
    }
}
