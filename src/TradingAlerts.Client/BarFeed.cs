using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;

namespace TradingAlerts.Client;

/// <summary>
/// One pair of a bar subscription, gap-free: it keeps <c>seen</c>, the position up to which the reader has been
/// given everything. A change whose <see cref="PairChanges.After"/> is above it, a re-subscribe (after a silo loss
/// or a deactivation the grain's observer list is gone) and a full queue are all gaps, filled from the grain
/// (<see cref="ITimeframeGrain.GetChangesSince"/>, bounded pages) before anything newer is delivered; versions at
/// or below <c>seen</c> are never delivered again.
/// </summary>
internal sealed partial class BarFeed : SubscriptionFeed, IBarObserver
{
    private readonly Pair _pair;
    private readonly IGrainFactory _grains;
    private readonly ITimeframeGrain _grain;
    private readonly IBarObserver _reference;
    private readonly ChannelWriter<BarUpdate> _output;
    private readonly int _batch;
    private readonly BoundedInbox<PairChanges> _live;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<long> _start = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long? _from;
    private volatile bool _overflowed;
    private volatile bool _check;

    /// <param name="from">Deliver every change after this position; null: after the grain's position at the first subscribe.</param>
    public BarFeed(Pair pair, long? from, IGrainFactory grains, ChannelWriter<BarUpdate> output, int batch, int capacity, ILogger logger)
        : base($"bars:{pair.Key}")
    {
        (_pair, _from, _grains, _output, _batch, _logger) = (pair, from, grains, output, batch, logger);
        _live = new BoundedInbox<PairChanges>(capacity);
        _grain = grains.GetGrain<ITimeframeGrain>(pair.Key);
        _reference = grains.CreateObjectReference<IBarObserver>(this);
    }

    /// <summary>Only queues (a full queue is remembered, and filled from the grain): the grain is never held up.</summary>
    public void OnChanges(PairChanges changes)
    {
        if (!_live.TryAdd(changes))
        {
            _overflowed = true;
        }

        Ring();
    }

    public override async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        if (!_start.Task.IsCompleted)
        {
            // Read before the first subscribe: a change between the two is a gap the check below fills.
            _start.TrySetResult(_from ?? await _grain.GetPosition().WaitAsync(cancellationToken).ConfigureAwait(false));
        }

        await _grain.Subscribe(_reference).WaitAsync(cancellationToken).ConfigureAwait(false);
        // After every subscribe, not only after a failed one: a deactivated grain forgot its observers without any call failing.
        _check = true;
        Ring();
    }

    public override Task UnsubscribeAsync() => _grain.Unsubscribe(_reference);

    public override void DeleteReference() => _grains.DeleteObjectReference<IBarObserver>(_reference);

    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        var seen = await _start.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        var fill = false;
        while (await WaitForRingAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                while (_live.TryTake(out var changes))
                {
                    if (changes.After > seen || fill)
                    {
                        seen = await FillAsync(seen, cancellationToken).ConfigureAwait(false);
                        fill = false;
                    }

                    seen = await DeliverAsync(changes, seen, cancellationToken).ConfigureAwait(false);
                }

                // Cleared before the fill: a change dropped or a subscribe made during it rings and sets them again.
                var overflowed = _overflowed;
                _overflowed = false;
                var check = _check;
                _check = false;
                if (fill || overflowed || (check && await _grain.GetPosition().WaitAsync(cancellationToken).ConfigureAwait(false) != seen))
                {
                    seen = await FillAsync(seen, cancellationToken).ConfigureAwait(false);
                    fill = false;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The grain is out of reach (a silo lost): what was given stays given; the next change or renewal fills from seen.
                LogFillFailed(_logger, ex, _pair.Key, seen);
                fill = true;
            }
        }
    }

    /// <summary>Reads pages after <paramref name="seen"/> until the grain's current position, delivering each.</summary>
    private async Task<long> FillAsync(long seen, CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await _grain.GetChangesSince(seen, _batch).WaitAsync(cancellationToken).ConfigureAwait(false);
            var before = seen;
            seen = await DeliverAsync(page, seen, cancellationToken).ConfigureAwait(false);
            if (page.Position >= page.Current)
            {
                return seen;
            }

            if (!page.Reset && seen <= before)
            {
                throw new InvalidOperationException($"{_pair.Key}: a page after {before} made no progress (position {page.Position}, current {page.Current})");
            }
        }
    }

    /// <summary>
    /// Delivers what of <paramref name="changes"/> lies above <paramref name="seen"/> (a reset: all of it, it replaces
    /// what is held), as following <paramref name="seen"/>, and returns the new seen.
    /// </summary>
    private async Task<long> DeliverAsync(PairChanges changes, long seen, CancellationToken cancellationToken)
    {
        if (changes.Reset)
        {
            LogReset(_logger, _pair.Key, seen, changes.Position);
            await _output.WriteAsync(new BarUpdate(_pair, changes with { After = seen }), cancellationToken).ConfigureAwait(false);
            return changes.Position;
        }

        if (changes.Position <= seen)
        {
            return seen;
        }

        var fresh = changes.Bars.All(v => v.Position > seen) ? changes.Bars : [.. changes.Bars.Where(v => v.Position > seen)];
        if (fresh.Length > 0)
        {
            await _output.WriteAsync(new BarUpdate(_pair, changes with { After = seen, Bars = fresh }), cancellationToken).ConfigureAwait(false);
        }

        return changes.Position;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pair}: catching up after position {Seen} failed, retried at the next change or renewal")]
    private static partial void LogFillFailed(ILogger logger, Exception exception, string pair, long seen);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Pair}: the changes after position {Seen} are no longer held, delivered a reset at {Position}")]
    private static partial void LogReset(ILogger logger, string pair, long seen, long position);
}
