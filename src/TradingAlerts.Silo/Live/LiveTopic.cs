using System.Threading.Channels;

namespace TradingAlerts.Silo.Live;

/// <summary>
/// One grain subscription of this silo (a pair's bars or a symbol's confluence) shared by any number of
/// clients. Observer callbacks only queue; a single pump turns updates into events and fans them out, and
/// also serves joins, so a joining client's initial state is read in order with the updates around it.
/// The subscription is renewed on a timer because the grain's observer list expires entries.
/// </summary>
internal abstract partial class LiveTopic(string key, TimeSpan renewEvery, ILogger logger)
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Channel<object> _inbox = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<LiveClient> _clients = []; // the pump's own
    private Task _pump = Task.CompletedTask;

    /// <summary>"bars:EURUSD/H1" or "confluence:EURUSD".</summary>
    public string Key { get; } = key;

    /// <summary>Clients joined and not yet left (kept by the hub under its lock).</summary>
    public int Subscribers { get; set; }

    private ILogger Logger { get; } = logger;

    public void Start() => _pump = Task.Run(PumpAsync);

    public void Join(LiveClient client) => _inbox.Writer.TryWrite(new Joining(client));

    public void Leave(LiveClient client) => _inbox.Writer.TryWrite(new Leaving(client));

    /// <summary>Ends the pump and the renewals, then unsubscribes: best effort and bounded, the silo may be going down.</summary>
    public async Task StopAsync()
    {
        _inbox.Writer.TryComplete();
        try
        {
            await _pump.WaitAsync(StopTimeout);
            await UnsubscribeAsync().WaitAsync(StopTimeout);
        }
        catch (Exception ex)
        {
            LogUnsubscribeFailed(Logger, ex, Key);
        }

        try
        {
            DeleteReference(); // in any case: drops the runtime's registration of this object
        }
        catch (ObjectDisposedException)
        {
            // the silo's runtime is already gone, and the reference with it
        }
    }

    /// <summary>From observer callbacks: never blocks the grain.</summary>
    protected void Post(object update) => _inbox.Writer.TryWrite(update);

    protected abstract Task SubscribeAsync();

    protected abstract Task UnsubscribeAsync();

    protected abstract void DeleteReference();

    /// <summary>The current state, sent to a client when it joins.</summary>
    protected abstract Task<LiveEvent> CurrentAsync();

    /// <summary>The event for an update posted by the observer callback.</summary>
    protected abstract Task<LiveEvent> UpdateAsync(object update);

    private async Task PumpAsync()
    {
        // Subscribed before any join is served, so no update after a client's initial state is missed.
        await TrySubscribeAsync();
        using var stop = new CancellationTokenSource();
        var renewals = RenewAsync(stop.Token);
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

        // The inbox is complete: the topic is stopping.
        await stop.CancelAsync();
        await renewals;
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

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(renewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await TrySubscribeAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private async Task TrySubscribeAsync()
    {
        try
        {
            await SubscribeAsync();
        }
        catch (Exception ex)
        {
            // The next renewal tries again; until then the clients only miss updates.
            LogSubscribeFailed(Logger, ex, Key);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Live {Topic}: unsubscribe failed")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live {Topic}: current state unavailable, client refused")]
    private static partial void LogNoCurrentState(ILogger logger, Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live {Topic}: update dropped")]
    private static partial void LogUpdateDropped(ILogger logger, Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live {Topic}: subscribe failed, retried at the next renewal")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception, string topic);

    private sealed record Joining(LiveClient Client);

    private sealed record Leaving(LiveClient Client);
}
