using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Silo.Api;

namespace TradingAlerts.Silo.Live;

/// <summary>The confluence of one symbol: each change becomes a <c>confluence</c> event in the GET /api/confluence shape.</summary>
internal sealed class ConfluenceTopic : LiveTopic, IConfluenceObserver
{
    public const string EventType = "confluence";

    private readonly IGrainFactory _grains;
    private readonly string _symbol;
    private readonly IConfluenceGrain _grain;
    private readonly IConfluenceObserver _reference;

    public ConfluenceTopic(string symbol, IGrainFactory grains, TimeSpan renewEvery, ILogger logger)
        : base(KeyOf(symbol), renewEvery, logger)
    {
        _grains = grains;
        _symbol = symbol;
        _grain = grains.GetGrain<IConfluenceGrain>(symbol);
        _reference = grains.CreateObjectReference<IConfluenceObserver>(this);
    }

    public static string KeyOf(string symbol) => $"confluence:{symbol}";

    public void OnConfluence(ConfluenceSnapshot snapshot) => Post(snapshot);

    protected override Task SubscribeAsync() => _grain.Subscribe(_reference);

    protected override Task UnsubscribeAsync() => _grain.Unsubscribe(_reference);

    protected override void DeleteReference() => _grains.DeleteObjectReference<IConfluenceObserver>(_reference);

    protected override async Task<LiveEvent> CurrentAsync() => await Render(await _grain.GetConfluence(null));

    protected override Task<LiveEvent> UpdateAsync(object update) => Render((ConfluenceSnapshot)update);

    /// <summary>PRO only, so one rendering serves every client; the 117 indicators are read as the GET endpoint reads them.</summary>
    private async Task<LiveEvent> Render(ConfluenceSnapshot snapshot)
    {
        var json = ConfluenceJson.Write(snapshot, await ConfluenceApi.BarsAt(_grains, _symbol, long.MaxValue));
        return new LiveEvent(EventType, _ => json);
    }
}
