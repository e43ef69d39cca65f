using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;

namespace TradingAlerts.Client;

/// <summary>
/// Subscribes any .NET process to bar updates of pairs (TimeframeGrain observers) and confluence updates of
/// symbols (ConfluenceGrain observers). Observer callbacks only enqueue, so a slow reader never holds up a grain.
/// </summary>
public sealed class GridSubscriptions(IGrainFactory grains, IOptions<TradingAlertsClientOptions> options, ILogger<GridSubscriptions> logger)
{
    private TradingAlertsClientOptions Options => options.Value;

    /// <summary>Bar updates of <paramref name="pairs"/> until the subscription is disposed.</summary>
    public GridSubscription<BarUpdate> SubscribeBars(IEnumerable<Pair> pairs) => Bars(pairs, null);

    /// <summary>
    /// Bar updates of <paramref name="pairs"/> written to <paramref name="into"/> (a caller that orders them with
    /// work of its own, as the silo's live streams do) until the subscription is disposed.
    /// </summary>
    public GridSubscription<BarUpdate> SubscribeBars(IEnumerable<Pair> pairs, ChannelWriter<BarUpdate> into) =>
        Bars(pairs, into ?? throw new ArgumentNullException(nameof(into)));

    /// <summary>Confluence updates of <paramref name="symbols"/> (catalogue symbols) until the subscription is disposed.</summary>
    public GridSubscription<ConfluenceSnapshot> SubscribeConfluence(IEnumerable<string> symbols) => Confluence(symbols, null);

    /// <summary>Confluence updates of <paramref name="symbols"/> written to <paramref name="into"/> until the subscription is disposed.</summary>
    public GridSubscription<ConfluenceSnapshot> SubscribeConfluence(IEnumerable<string> symbols, ChannelWriter<ConfluenceSnapshot> into) =>
        Confluence(symbols, into ?? throw new ArgumentNullException(nameof(into)));

    private GridSubscription<BarUpdate> Bars(IEnumerable<Pair> pairs, ChannelWriter<BarUpdate>? into)
    {
        var distinct = pairs.Distinct().ToArray();
        return new GridSubscription<BarUpdate>(Options.UpdateBuffer, into, writer => [.. distinct.Select(pair =>
        {
            var grain = grains.GetGrain<ITimeframeGrain>(pair.Key);
            var observer = new BarObserver(pair, writer);
            var reference = grains.CreateObjectReference<IBarObserver>(observer);
            return new GridSubscription<BarUpdate>.Target($"bars:{pair.Key}", observer,
                () => grain.Subscribe(reference), () => grain.Unsubscribe(reference), () => grains.DeleteObjectReference<IBarObserver>(reference));
        })], Options.RenewInterval, logger);
    }

    private GridSubscription<ConfluenceSnapshot> Confluence(IEnumerable<string> symbols, ChannelWriter<ConfluenceSnapshot>? into)
    {
        var distinct = symbols.Select(Symbols.Normalize).Distinct(StringComparer.Ordinal).ToArray();
        return new GridSubscription<ConfluenceSnapshot>(Options.UpdateBuffer, into, writer => [.. distinct.Select(symbol =>
        {
            var grain = grains.GetGrain<IConfluenceGrain>(symbol);
            var observer = new ConfluenceObserver(writer);
            var reference = grains.CreateObjectReference<IConfluenceObserver>(observer);
            return new GridSubscription<ConfluenceSnapshot>.Target($"confluence:{symbol}", observer,
                () => grain.Subscribe(reference), () => grain.Unsubscribe(reference), () => grains.DeleteObjectReference<IConfluenceObserver>(reference));
        })], Options.RenewInterval, logger);
    }

    private sealed class BarObserver(Pair pair, ChannelWriter<BarUpdate> writer) : IBarObserver
    {
        public void OnChanges(PairChanges changes) => writer.TryWrite(new BarUpdate(pair, changes));
    }

    private sealed class ConfluenceObserver(ChannelWriter<ConfluenceSnapshot> writer) : IConfluenceObserver
    {
        public void OnConfluence(ConfluenceSnapshot snapshot) => writer.TryWrite(snapshot);
    }
}
