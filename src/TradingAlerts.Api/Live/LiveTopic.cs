using System.Threading.Channels;
using TradingAlerts.Client;

namespace TradingAlerts.Api.Live;

/// <summary>
/// One grain subscription of this silo (a pair's bars or a symbol's confluence) shared by any number of
/// streams. The subscription is the client library's (<see cref="GridSubscriber"/>: renewed within the
/// grain's observer expiry, restored after a silo loss) delivering into this topic's inbox, so observer callbacks
/// only queue; a single pump turns updates into events and offers them to the streams. A stream is served only once
/// the subscription's first round is done, so what it reads from the grain afterwards is followed by every update
/// the subscription delivers; what the subscription misses, each stream sees as a gap in the positions and fills
/// from the grain itself (<see cref="LiveClient"/>).
/// </summary>
internal abstract partial class LiveTopic(string key, ILogger logger)
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Channel<object> _inbox = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<LiveClient> _clients = []; // the pump's own
    private Task _pump = Task.CompletedTask;
    private IAsyncDisposable? _subscription;
    private int _probeQueued; // 1 while a probe waits in the inbox: a pump held up by a slow grain does not pile them up

    /// <summary>"bars:EURUSD/H1" or "confluence:EURUSD".</summary>
    public string Key { get; } = key;

    /// <summary>Clients joined and not yet left (kept by the hub under its lock).</summary>
    public int Subscribers { get; set; }

    private ILogger Logger { get; } = logger;

    public void Start(GridSubscriber subscriptions)
    {
        var (subscription, firstRound) = Subscribe(subscriptions);
        _subscription = subscription;
        _pump = Task.Run(() => PumpAsync(firstRound));
        if (ProbeInterval is { } every)
        {
            _ = Task.Run(() => ProbeAsync(every));
        }
    }

    /// <summary>Joins <paramref name="client"/>; the task completes when the topic serves it.</summary>
    public Task Join(LiveClient client)
    {
        var joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_inbox.Writer.TryWrite(new Joining(client, joined)))
        {
            joined.TrySetResult(); // stopping: the stream ends at once anyway
        }

        return joined.Task;
    }

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
    protected abstract (IAsyncDisposable Subscription, Task FirstRound) Subscribe(GridSubscriber subscriptions);

    /// <summary>The inbox as a writer of <typeparamref name="T"/>: observer callbacks never block the grain.</summary>
    protected ChannelWriter<T> Inbox<T>() => new InboxWriter<T>(_inbox.Writer);

    /// <summary>How often the pump is handed a <see cref="Probe"/> (to check the grain itself); null: never.</summary>
    protected virtual TimeSpan? ProbeInterval => null;

    /// <summary>Offers an update the subscription delivered (or a <see cref="Probe"/>) to <paramref name="clients"/>.</summary>
    protected abstract Task PublishAsync(object update, IReadOnlyList<LiveClient> clients);

    private async Task PumpAsync(Task firstRound)
    {
        try
        {
            await firstRound;
        }
        catch (Exception ex)
        {
            // Streams still follow the grain through their own catch-up; the subscription keeps retrying.
            LogUpdateDropped(Logger, ex, Key);
        }

        await foreach (var item in _inbox.Reader.ReadAllAsync())
        {
            switch (item)
            {
                case Joining(var client, var joined):
                    _clients.Add(client);
                    joined.TrySetResult();
                    break;
                case Leaving(var client):
                    _clients.Remove(client);
                    break;
                default:
                    if (item is Probe)
                    {
                        Volatile.Write(ref _probeQueued, 0);
                    }

                    try
                    {
                        await PublishAsync(item, _clients);
                    }
                    catch (Exception ex)
                    {
                        // A stream that misses it sees the gap in the positions of the next one.
                        LogUpdateDropped(Logger, ex, Key);
                    }

                    break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Live {Topic}: the pump did not stop in time")]
    private static partial void LogStopFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live {Topic}: an update could not be offered")]
    private static partial void LogUpdateDropped(ILogger logger, Exception exception, string topic);

    /// <summary>Ends with the inbox (the topic stopped).</summary>
    private async Task ProbeAsync(TimeSpan every)
    {
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync())
        {
            if (Interlocked.CompareExchange(ref _probeQueued, 1, 0) == 0 && !_inbox.Writer.TryWrite(Probe.Instance))
            {
                return;
            }

            if (_inbox.Reader.Completion.IsCompleted)
            {
                return;
            }
        }
    }

    /// <summary>A tick of <see cref="ProbeInterval"/>, handled by the pump in order with the updates.</summary>
    protected sealed class Probe
    {
        public static readonly Probe Instance = new();
    }

    private sealed record Joining(LiveClient Client, TaskCompletionSource Joined);

    private sealed record Leaving(LiveClient Client);

    private sealed class InboxWriter<T>(ChannelWriter<object> inbox) : ChannelWriter<T>
    {
        public override bool TryWrite(T item) => inbox.TryWrite(item!);

        public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) => inbox.WaitToWriteAsync(cancellationToken);
    }
}
