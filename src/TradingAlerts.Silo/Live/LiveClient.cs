using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Silo.Live;

/// <summary>
/// One connected HTTP client of a <see cref="LiveTopic"/>: a bounded queue of its events (oldest dropped when it
/// lags) read by the response. Disposing it (at the end of the request) leaves the topic.
/// </summary>
internal sealed class LiveClient : IDisposable
{
    /// <summary>The last event of a stream whose token expired.</summary>
    public const string ExpiredEventType = "expired";

    private static readonly SseItem<byte[]> Heartbeat = new([], "heartbeat");

    private readonly Channel<SseItem<byte[]>> _events;
    private readonly Action<LiveClient> _leave;
    private int _disposed;

    public LiveClient(Tier tier, int buffer, Action<LiveClient> leave)
    {
        Tier = tier;
        _leave = leave;
        _events = Channel.CreateBounded<SseItem<byte[]>>(new BoundedChannelOptions(buffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
    }

    public Tier Tier { get; }

    /// <summary>The topic this client joined; null when it was refused (silo stopping).</summary>
    public LiveTopic? Topic { get; set; }

    /// <summary>Completes once the initial event is queued; faults when the current state could not be read.</summary>
    public TaskCompletionSource Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Never blocks: a full queue drops its oldest event.</summary>
    public void Write(SseItem<byte[]> item) => _events.Writer.TryWrite(item);

    /// <summary>Ends the stream with <paramref name="last"/> after the events already queued (kept even when the queue is full).</summary>
    public void End(SseItem<byte[]> last)
    {
        _events.Writer.TryWrite(last);
        Complete();
    }

    /// <summary>Ends the stream after the events already queued.</summary>
    public void Complete() => _events.Writer.TryComplete();

    /// <summary>The events until <see cref="Complete"/>, with a heartbeat after each quiet <paramref name="heartbeat"/>.</summary>
    public async IAsyncEnumerable<SseItem<byte[]>> ReadAllAsync(TimeSpan heartbeat, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = _events.Reader;
        Task<bool>? waiting = null; // at most one pending wait: the queue has a single reader
        while (true)
        {
            waiting ??= reader.WaitToReadAsync(cancellationToken).AsTask();
            try
            {
                await waiting.WaitAsync(heartbeat, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Quiet for a whole interval: fall through to the heartbeat (no yield inside a catch).
            }

            if (!waiting.IsCompleted)
            {
                yield return Heartbeat;
                continue;
            }

            var more = await waiting;
            waiting = null;
            if (!more)
            {
                yield break;
            }

            while (reader.TryRead(out var item))
            {
                yield return item;
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Complete();
            _leave(this);
        }
    }
}
