using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Api.Caching;
using TradingAlerts.Api.Endpoints;
using TradingAlerts.Api.Errors;

namespace TradingAlerts.Api.Live;

/// <summary>
/// One connected stream: the pairs and confluence symbols of its <see cref="StreamSelection"/>, a bounded queue of
/// events read by the response, and per pair the position sent so far. Live changes from the topics are queued only
/// when they continue exactly what was sent; a gap (a change the subscription missed), a full queue (the client
/// lags) or a resume leaves the pair <em>pending</em>: once the queue has drained, the response loop catches it up
/// from the grain in bounded batches (<see cref="ITimeframeGrain.GetChangesSince"/>), or sends a <c>reset</c> with
/// the current state when the grain cannot. Nothing is dropped silently. Each event's <c>id:</c> is the
/// <see cref="StreamCursor"/> of what the client has received with it. Catch-ups run beside the response loop, each
/// bounded by <see cref="CallTimeout"/>: a grain on a stopping or dead silo holds up only its own pair, never the others'
/// events, and is asked again (finding its new activation) shortly after.
/// </summary>
internal sealed partial class LiveClient : IDisposable
{
    /// <summary>The last event of a stream whose token expired.</summary>
    public const string ExpiredEventType = "expired";

    private static readonly SseItem<byte[]> Heartbeat = new([], "heartbeat");
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryWithoutProgress = TimeSpan.FromMilliseconds(50);

    /// <summary>How long one catch-up waits for its grain before the item is asked again (an answer arriving later still applies).</summary>
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Catch-ups one stream runs at once after its opening: a client of all 135 pairs that lags (or resumes) would
    /// otherwise send 150 grain calls in one burst, and a hundred such clients a silo's worth; the rest wait their turn.
    /// </summary>
    private const int MaxCatchUpsInFlight = 16;

    /// <summary>How long the stream's opening waits for its first batches; what is not served by then follows from the response loop.</summary>
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(3);

    private readonly Lock _lock = new();
    private readonly Queue<Queued> _queue = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly PairState[] _pairs;
    private readonly bool[] _symbolPending;
    private readonly bool[] _symbolMissed;
    private readonly Attempt[] _attempts; // per pair, then per symbol: the catch-up in flight and when to try again
    private readonly long[] _delivered; // the response loop's own: what the client has received, per pair
    private readonly Dictionary<Pair, int> _pairIndex;
    private readonly Dictionary<string, int> _symbolIndex;
    private readonly IGrainFactory _grains;
    private readonly LiveOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<LiveClient> _leave;
    private readonly Action _lagged;
    private Queued? _last;
    private bool _completed;
    private int _disposed;

    public LiveClient(StreamSelection selection, Tier tier, long[]? resumeFrom, IGrainFactory grains, LiveOptions options,
        TimeProvider time, ILogger logger, Action<LiveClient> leave, Action lagged)
    {
        _lagged = lagged;
        Selection = selection;
        Tier = tier;
        _grains = grains;
        _options = options;
        _time = time;
        _logger = logger;
        _leave = leave;
        _pairIndex = selection.Pairs.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        _symbolIndex = selection.Symbols.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);
        var mode = resumeFrom is not null ? Start.Resume : Start.Initial;
        _pairs = [.. selection.Pairs.Select((_, i) => new PairState { Sent = resumeFrom?[i] ?? -1, Pending = true, Mode = mode })];
        _delivered = [.. _pairs.Select(p => p.Sent)];
        // A reconnect (resumed or not) is sent the current confluence; a fresh stream too.
        _symbolPending = [.. selection.Symbols.Select(_ => true)];
        _symbolMissed = new bool[selection.Symbols.Count];
        _attempts = [.. Enumerable.Range(0, _pairs.Length + _symbolPending.Length).Select(_ => new Attempt())];
    }

    public StreamSelection Selection { get; }

    public Tier Tier { get; }

    /// <summary>The topics this client joined (kept by the hub under its lock); empty when it was refused (silo stopping).</summary>
    public List<LiveTopic> Topics { get; } = [];

    /// <summary>Each joined topic completes one of these when it serves the client (after its grain subscription is up).</summary>
    public List<Task> Joined { get; } = [];

    /// <summary>An id the client sent that cannot be resumed: every pair starts with a <c>reset</c> with the current state.</summary>
    public void ResetAll()
    {
        lock (_lock)
        {
            foreach (var pair in _pairs)
            {
                (pair.Sent, pair.Pending, pair.Mode) = (-1, true, Start.Reset);
            }

            Array.Fill(_delivered, -1);
        }
    }

    /// <summary>
    /// Serves the first batch of every pair and the confluence of every symbol once its topic serves the client, so that
    /// a grid that fails every call fails the request before the stream opens. Items whose grain does not answer within
    /// <see cref="OpenTimeout"/> (a silo stopping or just lost) do not hold up the others: the response loop serves them.
    /// </summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (Joined.Count != _attempts.Length)
        {
            return; // refused (the silo is stopping): the stream ends at once
        }

        var attempts = Enumerable.Range(0, _attempts.Length).Select(k =>
        {
            lock (_lock)
            {
                _attempts[k].Busy = true;
            }

            return AttemptAsync(k);
        }).ToArray();
        try
        {
            await Task.WhenAll(attempts).WaitAsync(OpenTimeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Some grain is slow to answer: the stream opens with the others.
        }

        var failures = attempts.Where(a => a.IsCompletedSuccessfully && a.Result is not null and not TimeoutException).Select(a => a.Result!).ToArray();
        if (failures.Length == attempts.Length && failures.Length > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failures[0]);
        }
    }

    /// <summary>A live change of a pair from its topic (called by the topic's pump; never blocks).</summary>
    public void Offer(BarEvent live)
    {
        if (!_pairIndex.TryGetValue(live.Pair, out var index))
        {
            return;
        }

        lock (_lock)
        {
            var state = _pairs[index];
            if (_completed || live.Position <= state.Sent)
            {
                return;
            }

            if (state.Pending)
            {
                // Caught up from the grain instead; remembered, as the catch-up may have read the grain before it.
                state.Missed = Math.Max(state.Missed, live.Position);
                return;
            }

            if (live.After > state.Sent || _queue.Count >= _options.ClientBuffer)
            {
                // A gap in what the subscription delivered, or a lagging client: catch up from the grain later.
                state.Pending = true;
                if (live.After <= state.Sent)
                {
                    _lagged();
                    LogLagging(_logger, live.Pair.Key, state.Sent);
                }

                Wake();
                return;
            }

            var send = live.After == state.Sent ? live : live.Since(state.Sent);
            state.Sent = live.Position;
            state.Latest = BarEvent.Newest(state.Latest, send.Changes.Bars);
            if (send.Changes.Bars.Length > 0)
            {
                Enqueue(new Queued(index, send, null));
            }
        }
    }

    /// <summary>A change of a symbol's confluence (the whole snapshot) from its topic.</summary>
    public void Offer(string symbol, byte[] confluence)
    {
        if (!_symbolIndex.TryGetValue(symbol, out var index))
        {
            return;
        }

        lock (_lock)
        {
            if (_completed)
            {
                return;
            }

            if (_symbolPending[index])
            {
                _symbolMissed[index] = true; // the read under way may predate this change: read again after it
                return;
            }

            if (_queue.Count >= _options.ClientBuffer)
            {
                _symbolPending[index] = true; // read afresh once the client drained: a snapshot replaces all before it
                Wake();
                return;
            }

            Enqueue(new Queued(-1, null, confluence));
        }
    }

    /// <summary>Ends the stream with <paramref name="last"/> after the events already queued.</summary>
    public void End(SseItem<byte[]> last)
    {
        lock (_lock)
        {
            _last = new Queued(-1, null, null, last);
            _completed = true;
            Wake();
        }
    }

    /// <summary>Ends the stream after the events already queued (pending catch-ups are not served any more).</summary>
    public void Complete()
    {
        lock (_lock)
        {
            _completed = true;
            Wake();
        }
    }

    /// <summary>The events until <see cref="Complete"/>, catching pending pairs up when the queue is empty, with a heartbeat after each quiet <paramref name="heartbeat"/>.</summary>
    public async IAsyncEnumerable<SseItem<byte[]>> ReadAllAsync(TimeSpan heartbeat, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lastSent = _time.GetUtcNow();
        Task<bool>? waiting = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            Queued? next = null;
            var now = _time.GetUtcNow();
            var retryAt = DateTimeOffset.MaxValue;
            lock (_lock)
            {
                if (_queue.TryDequeue(out var queued))
                {
                    next = queued;
                }
                else if (_completed)
                {
                    next = _last;
                    _last = null;
                    if (next is null)
                    {
                        yield break;
                    }
                }
                else
                {
                    retryAt = StartCatchUps(now);
                }
            }

            if (next is { } item)
            {
                lastSent = now;
                yield return Render(item);
                if (item.Final is not null)
                {
                    yield break;
                }

                continue;
            }

            var untilHeartbeat = lastSent + heartbeat - now;
            if (untilHeartbeat <= TimeSpan.Zero)
            {
                lastSent = now;
                yield return Heartbeat;
                continue;
            }

            var quiet = retryAt - now < untilHeartbeat ? retryAt - now : untilHeartbeat;
            waiting ??= _wake.Reader.WaitToReadAsync(cancellationToken).AsTask(); // at most one pending wait
            try
            {
                await waiting.WaitAsync(quiet, _time, cancellationToken);
                waiting = null;
                _wake.Reader.TryRead(out _);
            }
            catch (TimeoutException)
            {
                // Quiet: the loop sends the heartbeat or retries a catch-up.
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

    /// <summary>
    /// One batch of a pending pair from its grain; the pair is live again once the batch reaches the grain's position.
    /// False when it brought nothing (a live change skipped meanwhile is not applied by the grain yet): asked again shortly.
    /// </summary>
    private async Task<bool> CatchUpPairAsync(int index)
    {
        var pair = Selection.Pairs[index];
        long from;
        Start mode;
        lock (_lock)
        {
            (from, mode) = (_pairs[index].Sent, _pairs[index].Mode);
        }

        var changes = await _grains.GetGrain<ITimeframeGrain>(pair.Key).GetChangesSince(from, _options.CatchUpBatch);
        lock (_lock)
        {
            var state = _pairs[index];
            if (_completed || !state.Pending || state.Sent != from || state.Mode != mode)
            {
                return true; // superseded (a reset of the whole stream, or the end)
            }

            var reset = changes.Reset;
            var bars = changes.Bars;
            if (mode == Start.Initial && reset)
            {
                // A new stream starts with the pair's latest bar: nothing before it was ever sent.
                bars = BarEvent.Newest(null, bars) is { } newest ? [newest] : [];
                reset = false;
            }

            state.Sent = changes.Position;
            state.Mode = Start.Resume;
            // Live changes skipped while pending and beyond this answer (it was read before them): another round.
            state.Pending = changes.Position < changes.Current || state.Missed > changes.Position;
            state.Latest = reset ? BarEvent.Newest(null, bars) : BarEvent.Newest(state.Latest, bars);
            // A page without versions can still move the position: the versions in it were superseded by rows a write
            // in flight already stored beyond the grain's position (the grain bounds its answer by that position). The
            // client is told (an event with no bars), so the next live change, which starts there, is no hole to it.
            if (bars.Length > 0 || reset || mode != Start.Resume || changes.Position > from)
            {
                var live = new BarEvent(pair, changes with { Bars = bars, Reset = reset }, reset || mode == Start.Reset, state.Latest?.Bar.Indicators);
                Enqueue(new Queued(index, live, null), force: true);
            }

            return !state.Pending || changes.Position != from || bars.Length > 0 || reset;
        }
    }

    /// <summary>The current confluence of a pending symbol.</summary>
    private async Task<bool> CatchUpSymbolAsync(int index)
    {
        lock (_lock)
        {
            _symbolMissed[index] = false;
        }

        var json = ConfluenceResponseJson.Write(await _grains.GetGrain<IConfluenceGrain>(Selection.Symbols[index]).GetView());
        lock (_lock)
        {
            if (!_completed && _symbolPending[index])
            {
                _symbolPending[index] = _symbolMissed[index];
                Enqueue(new Queued(-1, null, json), force: true);
            }
        }

        return true;
    }

    /// <summary>
    /// Under the lock, with the queue empty: starts a catch-up of every pending item whose topic serves the client and
    /// that has none in flight, at most <see cref="MaxCatchUpsInFlight"/> at once (one finishing wakes the loop for the
    /// next); returns when the earliest item waiting to be tried again is due.
    /// </summary>
    private DateTimeOffset StartCatchUps(DateTimeOffset now)
    {
        var due = DateTimeOffset.MaxValue;
        var inFlight = _attempts.Count(a => a.Busy);
        for (var k = 0; k < _attempts.Length && inFlight < MaxCatchUpsInFlight; k++)
        {
            var attempt = _attempts[k];
            if (attempt.Busy || !(k < _pairs.Length ? _pairs[k].Pending : _symbolPending[k - _pairs.Length]))
            {
                continue;
            }

            if (attempt.RetryAt > now)
            {
                due = attempt.RetryAt < due ? attempt.RetryAt : due;
                continue;
            }

            attempt.Busy = true;
            inFlight++;
            _ = AttemptAsync(k);
        }

        return due;
    }

    /// <summary>
    /// One catch-up of item <paramref name="k"/> (a pair, then the symbols) once its topic serves the client, bounded by
    /// <see cref="CallTimeout"/>; never throws: returns the failure, after which the item is tried again shortly.
    /// </summary>
    private async Task<Exception?> AttemptAsync(int k)
    {
        Exception? failure = null;
        var retryAt = DateTimeOffset.MinValue;
        try
        {
            await Joined[k];
            var catchUp = k < _pairs.Length ? CatchUpPairAsync(k) : CatchUpSymbolAsync(k - _pairs.Length);
            if (!await catchUp.WaitAsync(CallTimeout, _time))
            {
                retryAt = _time.GetUtcNow() + RetryWithoutProgress;
            }
        }
        catch (Exception ex)
        {
            // Still pending: tried again shortly (the grain may be re-activating after a silo loss).
            failure = ex;
            retryAt = _time.GetUtcNow() + RetryAfterFailure;
        }

        lock (_lock)
        {
            (_attempts[k].Busy, _attempts[k].RetryAt) = (false, retryAt);
            if (failure is not null && !_completed)
            {
                LogCatchUpFailed(_logger, failure, k < _pairs.Length ? Selection.Pairs[k].Key : Selection.Symbols[k - _pairs.Length]);
            }

            Wake();
        }

        return failure;
    }

    /// <summary>Under the lock; a catch-up batch is queued even beyond the bound (it is only fetched when the queue is empty).</summary>
    private void Enqueue(Queued item, bool force = false)
    {
        if (force || _queue.Count < _options.ClientBuffer)
        {
            _queue.Enqueue(item);
            Wake();
        }
    }

    private void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>The response loop's: the event with the id of everything received with it.</summary>
    private SseItem<byte[]> Render(Queued item)
    {
        if (item.Final is { } final)
        {
            return final;
        }

        if (item.Bar is { } bar)
        {
            _delivered[item.Pair] = bar.Position;
            return new SseItem<byte[]>(bar.For(Tier), bar.EventType) { EventId = Id() };
        }

        return new SseItem<byte[]>(item.Confluence!, ConfluenceTopic.EventType) { EventId = Id() };
    }

    private string Id() => StreamCursor.Encode(Selection, _delivered, _time.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Debug, Message = "Live stream lags on {Pair} (sent up to {Position}): caught up from the grain once it drains")]
    private static partial void LogLagging(ILogger logger, string pair, long position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live stream: catching {Item} up failed; retrying")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception, string item);

    private enum Start
    {
        /// <summary>A new stream: the pair's latest bar first.</summary>
        Initial,

        /// <summary>An id that cannot be resumed: a <c>reset</c> with the current state first.</summary>
        Reset,

        /// <summary>Everything after <see cref="PairState.Sent"/>.</summary>
        Resume,
    }

    private sealed class PairState
    {
        public long Sent { get; set; }

        public bool Pending { get; set; }

        public Start Mode { get; set; }

        /// <summary>The highest position of a live change skipped while pending.</summary>
        public long Missed { get; set; } = -1;

        /// <summary>The newest bar sent, whose structures catch-up events carry.</summary>
        public BarVersion? Latest { get; set; }
    }

    private sealed class Attempt
    {
        public bool Busy { get; set; }

        public DateTimeOffset RetryAt { get; set; } = DateTimeOffset.MinValue;
    }

    private readonly record struct Queued(int Pair, BarEvent? Bar, byte[]? Confluence, SseItem<byte[]>? Final = null);
}
