using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Client;

/// <summary>
/// Subscribes any .NET process to bar changes of pairs (TimeframeGrain observers) and confluence snapshots of
/// symbols (ConfluenceGrain observers). Bar subscriptions are gap-free: every change after the start position, in
/// position order per pair, none twice, or an explicit reset (docs/clients.md). Observer callbacks only enqueue,
/// so a slow reader never holds up a grain.
/// </summary>
public sealed class GridSubscriber(IGrainFactory grains, IOptions<TradingAlertsClientOptions> options, ILogger<GridSubscriber> logger)
{
    private static readonly IReadOnlyDictionary<Pair, long> FromNow = new Dictionary<Pair, long>();

    private TradingAlertsClientOptions Options => options.Value;

    /// <summary>Every bar change of <paramref name="pairs"/> after each grain's position when first subscribed, until the subscription is disposed.</summary>
    public GridSubscription<BarUpdate> SubscribeBars(IEnumerable<Pair> pairs) => Bars(pairs, FromNow, null);

    /// <summary>
    /// Every bar change of <paramref name="pairs"/> after <paramref name="from"/>[pair] (a position an earlier
    /// <see cref="PairChanges.Position"/> gave; pairs absent: after their position when first subscribed), until the
    /// subscription is disposed. Keys that are not among <paramref name="pairs"/> are ignored.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A position is negative.</exception>
    public GridSubscription<BarUpdate> SubscribeBars(IEnumerable<Pair> pairs, IReadOnlyDictionary<Pair, long> from) =>
        Bars(pairs, Checked(from), null);

    /// <summary>
    /// Bar changes of <paramref name="pairs"/> written to <paramref name="into"/> (a caller that orders them with
    /// work of its own, as the silo's live streams do) until the subscription is disposed.
    /// </summary>
    public GridSubscription<BarUpdate> SubscribeBars(IEnumerable<Pair> pairs, ChannelWriter<BarUpdate> into) =>
        Bars(pairs, FromNow, into ?? throw new ArgumentNullException(nameof(into)));

    /// <summary>Bar changes after <paramref name="from"/> written to <paramref name="into"/> (both as above).</summary>
    public GridSubscription<BarUpdate> SubscribeBars(IEnumerable<Pair> pairs, IReadOnlyDictionary<Pair, long> from, ChannelWriter<BarUpdate> into) =>
        Bars(pairs, Checked(from), into ?? throw new ArgumentNullException(nameof(into)));

    /// <summary>
    /// Confluence snapshots of <paramref name="symbols"/> (catalogue symbols): every change, and the current one whenever a
    /// re-subscribe finds the last one known outdated (a change was missed); until the subscription is disposed.
    /// </summary>
    public GridSubscription<ConfluenceSnapshot> SubscribeConfluence(IEnumerable<string> symbols) => Confluence(symbols, null);

    /// <summary>Confluence snapshots of <paramref name="symbols"/> written to <paramref name="into"/> until the subscription is disposed.</summary>
    public GridSubscription<ConfluenceSnapshot> SubscribeConfluence(IEnumerable<string> symbols, ChannelWriter<ConfluenceSnapshot> into) =>
        Confluence(symbols, into ?? throw new ArgumentNullException(nameof(into)));

    private static IReadOnlyDictionary<Pair, long> Checked(IReadOnlyDictionary<Pair, long> from)
    {
        ArgumentNullException.ThrowIfNull(from);
        foreach (var (pair, position) in from)
        {
            if (position < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(from), position, $"{pair.Key}: a change position is never negative");
            }
        }

        return from;
    }

    private GridSubscription<BarUpdate> Bars(IEnumerable<Pair> pairs, IReadOnlyDictionary<Pair, long> from, ChannelWriter<BarUpdate>? into)
    {
        var distinct = pairs.Distinct().ToArray();
        return new GridSubscription<BarUpdate>(Options.UpdateBuffer, into, writer => [.. distinct.Select(pair =>
            new BarFeed(pair, from.TryGetValue(pair, out var position) ? position : null, grains, writer, Options.CatchUpBatch, Options.UpdateBuffer, logger))],
            Options.RenewInterval, logger);
    }

    private GridSubscription<ConfluenceSnapshot> Confluence(IEnumerable<string> symbols, ChannelWriter<ConfluenceSnapshot>? into)
    {
        var distinct = symbols.Select(Symbols.Normalize).Distinct(StringComparer.Ordinal).ToArray();
        return new GridSubscription<ConfluenceSnapshot>(Options.UpdateBuffer, into, writer => [.. distinct.Select(symbol =>
            new ConfluenceFeed(symbol, grains, writer, Options.UpdateBuffer, logger))], Options.RenewInterval, logger);
    }
}
