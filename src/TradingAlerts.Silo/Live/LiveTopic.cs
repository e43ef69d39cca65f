using System.Threading.Channels;
using TradingAlerts.Client;

namespace TradingAlerts.Silo.Live;

/// <summary>
/// One grain subscription of this silo (a pair's bars or a symbol's confluence) shared by any number of
/// clients. The subscription is the client library's (<see cref="GridSubscriptions"/>: renewed within the
/// grain's observer expiry, restored after a silo loss) delivering into this topic's inbox, so observer callbacks
/// only queue; a single pump turns updates into events and fans them out, and also serves joins, so a joining
/// client's initial state is read in order with the updates around it.
/// </summary>
internal abstract partial class LiveTopic(string key, ILogger logger)
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Channel<object> _inbox = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<LiveClient> _clients = []; // the pump's own
    private Task _pump = Task.CompletedTask;
    private IAsyncDisposable? _subscription;

    /// <summary>"bars:EURUSD/H1" or "confluence:EURUSD".</summary>
    public string Key { get; } = key;

    /// <summary>Clients joined and not yet left (kept by the hub under its lock).</summary>
    public int Subscribers { get; set; }

    private ILogger Logger { get; } = logger;

    public void Start(GridSubscriptions subscriptions)
    {
        var (subscription, firstRound) = Subscribe(subscriptions);
        _subscription = subscription;
        _pump = Task.Run(() => PumpAsync(firstRound));
    }

    public void Join(LiveClient client) => _inbox.Writer.TryWrite(new Joining(client));

    public void Leave(LiveClient client) => _inbox.Writer.TryWrite(new Leaving(client));

    /// <summary>Ends the pump, then the subscription (renewals stop, unsubscribe best effort and bounded: the silo may be going down).</summary>
    public async Task StopAsync()
    {
        _inbox.Writer.TryComplete();
        try
        {
            await _pump.WaitAsync(StopTimeout);
        }
        catch (Exception ex)
        {
            LogStopFailed(Logger, ex, Key);
        }

        if (_subscription is { } subscription)
        {
            await subscription.DisposeAsync();
        }
    }

    /// <summary>Subscribes the topic's grain, delivering into <see cref="Inbox{T}"/>; returns the subscription and its first round.</summary>
    protected abstract (IAsyncDisposable Subscription, Task FirstRound) Subscribe(GridSubscriptions subscriptions);

    /// <summary>The inbox as a writer of <typeparamref name="T"/>: observer callbacks never block the grain.</summary>
    protected ChannelWriter<T> Inbox<T>() => new InboxWriter<T>(_inbox.Writer);

    /// <summary>The current state, sent to a client when it joins.</summary>
    protected abstract Task<LiveEvent> CurrentAsync();

    /// <summary>The event for an update the subscription delivered.</summary>
    protected abstract Task<LiveEvent> UpdateAsync(object update);

    private async Task PumpAsync(Task firstRound)
    {
        // Subscribed before any join is served, so no update after a client's initial state is missed.
        await firstRound;
        await foreach (var item in _inbox.Reader.ReadAllAsync())
        {
            switch (item)
            {
                case Joining(var client):
                    await JoinAsync(client);
                    break;
                case Leaving(var client):
                    _clients.Remove(client);
                    break;
                case var update when _clients.Count > 0:
                    await FanOutAsync(update);
                    break;
            }
        }
    }

    private async Task JoinAsync(LiveClient client)
    {
        try
        {
            client.Write((await CurrentAsync()).For(client.Tier));
            _clients.Add(client);
            client.Ready.TrySetResult();
        }
        catch (Exception ex)
        {
            LogNoCurrentState(Logger, ex, Key);
            client.Ready.TrySetException(ex);
        }
    }

    private async Task FanOutAsync(object update)
    {
        LiveEvent live;
        try
        {
            live = await UpdateAsync(update);
        }
        catch (Exception ex)
        {
            LogUpdateDropped(Logger, ex, Key);
            return;
        }

        foreach (var client in _clients)
        {
            client.Write(live.For(client.Tier));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Live {Topic}: the pump did not stop in time")]
    private static partial void LogStopFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live {Topic}: current state unavailable, client refused")]
    private static partial void LogNoCurrentState(ILogger logger, Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live {Topic}: update dropped")]
    private static partial void LogUpdateDropped(ILogger logger, Exception exception, string topic);

    private sealed record Joining(LiveClient Client);

    private sealed record Leaving(LiveClient Client);

    private sealed class InboxWriter<T>(ChannelWriter<object> inbox) : ChannelWriter<T>
    {
        public override bool TryWrite(T item) => inbox.TryWrite(item!);

        public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) => inbox.WaitToWriteAsync(cancellationToken);
    }
}
