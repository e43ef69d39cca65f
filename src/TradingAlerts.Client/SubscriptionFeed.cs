using System.Threading.Channels;

namespace TradingAlerts.Client;

/// <summary>
/// One grain of a subscription: its observer, its subscribe calls and a pump that turns what the observer queued
/// into deliveries. The observer only queues and rings; the pump alone calls the grain for state it lacks and
/// writes, so one key's deliveries (and its catch-up reads) never run concurrently and stay in order.
/// </summary>
internal abstract class SubscriptionFeed(string key)
{
    // One pending ring is enough: the pump drains everything queued each time it wakes.
    private readonly Channel<bool> _bell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>"bars:EURUSD/H1" or "confluence:EURUSD".</summary>
    public string Key { get; } = key;

    /// <summary>Whether the last subscribe call succeeded (written by the renewal loop).</summary>
    public volatile bool Subscribed;

    /// <summary>Subscribes (again): idempotent, also renews the grain's expiring observer entry.</summary>
    public abstract Task SubscribeAsync(CancellationToken cancellationToken);

    public abstract Task UnsubscribeAsync();

    public abstract void DeleteReference();

    /// <summary>Delivers until cancelled.</summary>
    public abstract Task RunAsync(CancellationToken cancellationToken);

    /// <summary>Wakes the pump (never blocks).</summary>
    protected void Ring() => _bell.Writer.TryWrite(true);

    protected ValueTask<bool> WaitForRingAsync(CancellationToken cancellationToken) => _bell.Reader.ReadAsync(cancellationToken);
}
