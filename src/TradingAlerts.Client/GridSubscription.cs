using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace TradingAlerts.Client;

/// <summary>
/// Observer subscriptions to a set of grains, delivered in order per grain through one bounded queue. Every
/// <see cref="TradingAlertsClientOptions.RenewInterval"/> each grain is subscribed again: Subscribe is idempotent,
/// so the same call renews the grain's expiring observer entry and restores a subscription that a silo loss or a
/// deactivation took away. Nothing is lost meanwhile: bar subscriptions fill every gap from the grain's change
/// positions, confluence subscriptions deliver the current snapshot (docs/clients.md). A full queue holds up this
/// subscription's own delivery, never a grain.
/// </summary>
public sealed partial class GridSubscription<T> : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Channel<T> _updates;
    private readonly IReadOnlyList<SubscriptionFeed> _feeds;
    private readonly TimeSpan _renewEvery;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewals;
    private readonly Task _pumps;
    private readonly TaskCompletionSource _firstRound = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    /// <param name="into">Where the feeds deliver; null: this subscription's own bounded queue (<see cref="Updates"/>).</param>
    internal GridSubscription(int buffer, ChannelWriter<T>? into, Func<ChannelWriter<T>, IReadOnlyList<SubscriptionFeed>> feeds, TimeSpan renewEvery, ILogger logger)
    {
        _updates = Channel.CreateBounded<T>(new BoundedChannelOptions(into is null ? buffer : 1) { FullMode = BoundedChannelFullMode.Wait });
        _feeds = feeds(into ?? _updates.Writer);
        _renewEvery = renewEvery;
        _logger = logger;
        _pumps = Task.WhenAll(_feeds.Select(f => Task.Run(() => PumpAsync(f))));
        _renewals = Task.Run(RenewAsync);
    }

    /// <summary>The updates (none when they are delivered elsewhere); completes when the subscription is disposed.</summary>
    public ChannelReader<T> Updates => _updates.Reader;

    /// <summary>Grains whose last subscribe call succeeded.</summary>
    public int Subscribed => _feeds.Count(t => t.Subscribed);

    /// <summary>
    /// Completes after the first round of subscribe calls, whether or not each succeeded (see <see cref="Subscribed"/>).
    /// For a grain subscribed in it, every change after this is delivered.
    /// </summary>
    public Task FirstRound => _firstRound.Task;

    /// <summary>The updates as an async stream (a single reader: the queue is shared).</summary>
    public IAsyncEnumerable<T> ReadAllAsync(CancellationToken cancellationToken = default) => _updates.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Stops renewing and delivering, unsubscribes (best effort, bounded: the cluster may be gone) and completes <see cref="Updates"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_renewals, _pumps).ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_feeds.Select(f => f.UnsubscribeAsync())).WaitAsync(StopTimeout).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogUnsubscribeFailed(_logger, ex, typeof(T).Name);
        }

        foreach (var feed in _feeds)
        {
            try
            {
                feed.DeleteReference();
            }
            catch (ObjectDisposedException)
            {
                // the client's runtime is already gone, and the reference with it
            }
        }

        _updates.Writer.TryComplete();
        _stop.Dispose();
    }

    private async Task PumpAsync(SubscriptionFeed feed)
    {
        try
        {
            await feed.RunAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // disposed
        }
        catch (Exception ex)
        {
            // A bug, not the cluster (the feeds retry those): say so rather than go silent unnoticed.
            LogPumpFailed(_logger, ex, feed.Key);
        }
    }

    private async Task RenewAsync()
    {
        using var timer = new PeriodicTimer(_renewEvery);
        try
        {
            do
            {
                await Task.WhenAll(_feeds.Select(TrySubscribeAsync)).ConfigureAwait(false);
                _firstRound.TrySetResult();
            }
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // disposed
        }
        finally
        {
            _firstRound.TrySetResult();
        }
    }

    private async Task TrySubscribeAsync(SubscriptionFeed feed)
    {
        try
        {
            await feed.SubscribeAsync(_stop.Token).ConfigureAwait(false);
            if (!feed.Subscribed)
            {
                feed.Subscribed = true;
                LogSubscribed(_logger, feed.Key);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The next renewal tries again, and then catches up on what this grain changed meanwhile.
            if (feed.Subscribed)
            {
                LogSubscribeFailed(_logger, ex, feed.Key);
            }

            feed.Subscribed = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscribed to {Key}")]
    private static partial void LogSubscribed(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing to {Key} failed, retried at the next renewal")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unsubscribing {Kind} observers failed")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Key}: delivery stopped")]
    private static partial void LogPumpFailed(ILogger logger, Exception exception, string key);
}
