using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace TradingAlerts.Client;

/// <summary>
/// Observer subscriptions to a set of grains, delivered through one bounded queue. Every
/// <see cref="TradingAlertsClientOptions.RenewInterval"/> each grain is subscribed again: Subscribe is
/// idempotent, so the same call renews the grain's expiring observer entry and restores a subscription that a
/// silo loss took away with the grain's activation. Updates sent while a grain was re-activating are missed.
/// </summary>
public sealed partial class GridSubscription<T> : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Channel<T> _updates;
    private readonly IReadOnlyList<Target> _targets;
    private readonly TimeSpan _renewEvery;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewals;
    private readonly TaskCompletionSource _firstRound = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    /// <param name="into">Where observers deliver; null: this subscription's own bounded queue (<see cref="Updates"/>).</param>
    internal GridSubscription(int buffer, ChannelWriter<T>? into, Func<ChannelWriter<T>, IReadOnlyList<Target>> targets, TimeSpan renewEvery, ILogger logger)
    {
        _updates = Channel.CreateBounded<T>(new BoundedChannelOptions(into is null ? buffer : 1) { FullMode = BoundedChannelFullMode.DropOldest });
        _targets = targets(into ?? _updates.Writer);
        _renewEvery = renewEvery;
        _logger = logger;
        _renewals = Task.Run(RenewAsync);
    }

    /// <summary>The updates (none when they are delivered elsewhere); completes when the subscription is disposed.</summary>
    public ChannelReader<T> Updates => _updates.Reader;

    /// <summary>Grains whose last subscribe call succeeded.</summary>
    public int Subscribed => _targets.Count(t => t.Subscribed);

    /// <summary>Completes after the first round of subscribe calls, whether or not each succeeded (see <see cref="Subscribed"/>).</summary>
    public Task FirstRound => _firstRound.Task;

    /// <summary>The updates as an async stream (a single reader: the queue is shared).</summary>
    public IAsyncEnumerable<T> ReadAllAsync(CancellationToken cancellationToken = default) => _updates.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Stops renewing, unsubscribes (best effort, bounded: the cluster may be gone) and completes <see cref="Updates"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewals.ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_targets.Select(t => t.Unsubscribe())).WaitAsync(StopTimeout).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogUnsubscribeFailed(_logger, ex, typeof(T).Name);
        }

        foreach (var target in _targets)
        {
            try
            {
                target.DeleteReference();
            }
            catch (ObjectDisposedException)
            {
                // the client's runtime is already gone, and the reference with it
            }
        }

        _updates.Writer.TryComplete();
        _stop.Dispose();
    }

    private async Task RenewAsync()
    {
        using var timer = new PeriodicTimer(_renewEvery);
        try
        {
            do
            {
                await Task.WhenAll(_targets.Select(TrySubscribeAsync)).ConfigureAwait(false);
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

    private async Task TrySubscribeAsync(Target target)
    {
        try
        {
            await target.Subscribe().WaitAsync(_stop.Token).ConfigureAwait(false);
            if (!target.Subscribed)
            {
                target.Subscribed = true;
                LogSubscribed(_logger, target.Key);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The next renewal tries again; until then this grain's updates are missed.
            if (target.Subscribed)
            {
                LogSubscribeFailed(_logger, ex, target.Key);
            }

            target.Subscribed = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscribed to {Key}")]
    private static partial void LogSubscribed(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing to {Key} failed, retried at the next renewal")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unsubscribing {Kind} observers failed")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception, string kind);

    /// <summary>One grain and the observer reference subscribed to it (the observer object is held here: the runtime keeps only a weak reference).</summary>
    internal sealed class Target(string key, object observer, Func<Task> subscribe, Func<Task> unsubscribe, Action deleteReference)
    {
        public string Key { get; } = key;

        public object Observer { get; } = observer;

        public volatile bool Subscribed;

        public Func<Task> Subscribe { get; } = subscribe;

        public Func<Task> Unsubscribe { get; } = unsubscribe;

        public Action DeleteReference { get; } = deleteReference;
    }
}
