using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;

namespace TradingAlerts.Client;

/// <summary>
/// One symbol of a confluence subscription. A snapshot is the whole derived state (no positions), so whatever was
/// missed is made good by the current one: it is read (<see cref="IConfluenceGrain.GetConfluence"/>) after every
/// subscribe (a silo loss or a deactivation forgot the observer) and when the queue was full, and delivered when it
/// differs from the last one known. The first read only sets what is known: a subscription delivers changes, as
/// before, and a consumer that showed the current state itself (the live streams) is not sent it twice.
/// </summary>
internal sealed partial class ConfluenceFeed : SubscriptionFeed, IConfluenceObserver
{
    private readonly string _symbol;
    private readonly IGrainFactory _grains;
    private readonly IConfluenceGrain _grain;
    private readonly IConfluenceObserver _reference;
    private readonly ChannelWriter<ConfluenceSnapshot> _output;
    private readonly BoundedInbox<ConfluenceSnapshot> _live;
    private readonly ILogger _logger;
    private volatile bool _stale;

    public ConfluenceFeed(string symbol, IGrainFactory grains, ChannelWriter<ConfluenceSnapshot> output, int capacity, ILogger logger)
        : base($"confluence:{symbol}")
    {
        (_symbol, _grains, _output, _logger) = (symbol, grains, output, logger);
        _live = new BoundedInbox<ConfluenceSnapshot>(capacity);
        _grain = grains.GetGrain<IConfluenceGrain>(symbol);
        _reference = grains.CreateObjectReference<IConfluenceObserver>(this);
    }

    public void OnConfluence(ConfluenceSnapshot snapshot)
    {
        if (!_live.TryAdd(snapshot))
        {
            _stale = true;
        }

        Ring();
    }

    public override async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        await _grain.Subscribe(_reference).WaitAsync(cancellationToken).ConfigureAwait(false);
        _stale = true;
        Ring();
    }

    public override Task UnsubscribeAsync() => _grain.Unsubscribe(_reference);

    public override void DeleteReference() => _grains.DeleteObjectReference<IConfluenceObserver>(_reference);

    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        // Live snapshots are compared with the last delivered (a re-read may have delivered one still in flight), re-reads
        // with the last known (delivered or read).
        ConfluenceSnapshot? delivered = null;
        ConfluenceSnapshot? known = null;
        while (await WaitForRingAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                while (_live.TryTake(out var snapshot))
                {
                    if (delivered is null || !Same(snapshot, delivered))
                    {
                        await _output.WriteAsync(snapshot, cancellationToken).ConfigureAwait(false);
                        delivered = known = snapshot;
                    }
                }

                if (_stale)
                {
                    _stale = false;
                    var current = await _grain.GetConfluence().WaitAsync(cancellationToken).ConfigureAwait(false);
                    if (known is not null && !Same(current, known))
                    {
                        await _output.WriteAsync(current, cancellationToken).ConfigureAwait(false);
                        delivered = current;
                    }

                    known = current;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Out of reach: the next subscribe (renewal) reads the snapshot again.
                LogSnapshotFailed(_logger, ex, _symbol);
            }
        }
    }

    /// <summary>Equal in every value (the record's own equality compares the dictionaries by reference).</summary>
    internal static bool Same(ConfluenceSnapshot a, ConfluenceSnapshot b) =>
        (a.Symbol, a.Time, a.Score, a.Bullish, a.Bearish, a.Neutral) == (b.Symbol, b.Time, b.Score, b.Bullish, b.Bearish, b.Neutral)
        && a.Signals.Count == b.Signals.Count
        && a.Signals.All(s => b.Signals.TryGetValue(s.Key, out var other) && Same(s.Value, other));

    private static bool Same(TimeframeSignal a, TimeframeSignal b) =>
        (a.Timeframe, a.BarTime, a.Trend, a.Strength) == (b.Timeframe, b.BarTime, b.Trend, b.Strength)
        && a.Votes.Count == b.Votes.Count
        && a.Votes.All(v => b.Votes.TryGetValue(v.Key, out var other) && other == v.Value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Confluence {Symbol}: reading the current snapshot failed, retried at the next renewal")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception exception, string symbol);
}
