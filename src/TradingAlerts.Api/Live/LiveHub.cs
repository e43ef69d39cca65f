using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Ports;
using TradingAlerts.Api.Drain;
using TradingAlerts.Client;

namespace TradingAlerts.Api.Live;

/// <summary>
/// The live streams of this silo: one grain subscription per pair (or confluence symbol) however many HTTP
/// streams follow it (each stream any number of pairs and symbols), dropped when the last one leaves. When the silo starts draining (it is stopping), every stream ends with a
/// <c>reconnect</c> event, so clients move to another silo during the drain and resume by position, and the server does
/// not wait on them.
/// </summary>
internal sealed class LiveHub : IAsyncDisposable
{
    /// <summary>The last event of a stream whose silo is stopping: reconnect (through the load balancer) with <c>Last-Event-ID</c>.</summary>
    public const string ReconnectEventType = "reconnect";

    private static readonly byte[] ReconnectBody = JsonSerializer.SerializeToUtf8Bytes(
        new { reason = "This silo is stopping: reconnect with Last-Event-ID to resume where this stream ended" }, JsonSerializerOptions.Web);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, LiveTopic> _topics = new(StringComparer.Ordinal);
    private readonly HashSet<LiveClient> _clients = [];
    private readonly IGrainFactory _grains;
    private readonly GridSubscriber _subscriptions;
    private readonly LiveOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<LiveHub> _logger;
    private readonly CancellationTokenRegistration _stopping;
    private readonly SseItem<byte[]> _reconnect;
    private bool _stopped;
    private long _lagged;

    public LiveHub(IGrainFactory grains, IOptions<LiveOptions> options, IOptions<GridOptions> grid, DrainState drain, IOptions<DrainOptions> drainOptions,
        ILogger<LiveHub> logger, ILogger<GridSubscriber> subscriptionLogger, TimeProvider? time = null)
    {
        _grains = grains;
        _options = options.Value;
        _time = time ?? TimeProvider.System;
        _logger = logger;
        // The client library's renewing subscriptions, renewed well within the grain's observer expiry: a renewal may
        // be late or fail once without the subscription lapsing.
        var renewEvery = TimeSpan.FromTicks(Math.Max(grid.Value.ObserverExpiry.Ticks / 4, TimeSpan.FromMilliseconds(100).Ticks));
        _subscriptions = new GridSubscriber(grains, Options.Create(new TradingAlertsClientOptions { RenewInterval = renewEvery }), subscriptionLogger);
        _reconnect = new SseItem<byte[]>(ReconnectBody, ReconnectEventType) { ReconnectionInterval = drainOptions.Value.ReconnectAfter };
        _stopping = drain.Draining.Register(EndStreams);
    }

    public TimeSpan HeartbeatInterval => _options.HeartbeatInterval;

    /// <summary>Grain subscriptions held, by topic ("bars:EURUSD/H1", "confluence:EURUSD") with their client counts.</summary>
    public IReadOnlyDictionary<string, int> Topics
    {
        get
        {
            lock (_lock)
            {
                return _topics.ToDictionary(t => t.Key, t => t.Value.Subscribers, StringComparer.Ordinal);
            }
        }
    }

    public LiveOptions Settings => _options;

    /// <summary>How often a stream's queue was full and one of its pairs was left to catch up from the grain.</summary>
    public long Lagged => Interlocked.Read(ref _lagged);

    public TimeProvider Time => _time;

    /// <summary>
    /// A stream of <paramref name="selection"/> joined to a topic per pair and per symbol; resumed after
    /// <paramref name="resumeFrom"/> (one position per pair) when given. Call <see cref="LiveClient.OpenAsync"/> next.
    /// </summary>
    public LiveClient Open(StreamSelection selection, Tier tier, long[]? resumeFrom)
    {
        var client = new LiveClient(selection, tier, resumeFrom, _grains, _options, _time, _logger, Leave, () => Interlocked.Increment(ref _lagged));
        lock (_lock)
        {
            if (_stopped)
            {
                // Draining: a stream that ends at once, telling the client to reconnect elsewhere.
                client.End(_reconnect);
                return client;
            }

            foreach (var pair in selection.Pairs)
            {
                Join(client, BarTopic.KeyOf(pair), () => new BarTopic(pair, _grains, _options.PositionCheckInterval, _logger));
            }

            foreach (var symbol in selection.Symbols)
            {
                Join(client, ConfluenceTopic.KeyOf(symbol), () => new ConfluenceTopic(symbol, _grains, _options.PositionCheckInterval, _logger));
            }

            _clients.Add(client);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.DisposeAsync();
        EndStreams();
        LiveTopic[] topics;
        lock (_lock)
        {
            topics = [.. _topics.Values];
            _topics.Clear();
        }

        await Task.WhenAll(topics.Select(t => t.StopAsync()));
    }

    /// <summary>Under the lock.</summary>
    private void Join(LiveClient client, string key, Func<LiveTopic> create)
    {
        if (!_topics.TryGetValue(key, out var topic))
        {
            topic = create();
            _topics.Add(key, topic);
            topic.Start(_subscriptions);
        }

        topic.Subscribers++;
        client.Topics.Add(topic);
        client.Joined.Add(topic.Join(client));
    }

    private void Leave(LiveClient client)
    {
        var last = new List<LiveTopic>();
        lock (_lock)
        {
            if (!_clients.Remove(client))
            {
                return;
            }

            foreach (var topic in client.Topics)
            {
                topic.Leave(client);
                if (--topic.Subscribers == 0 && _topics.Remove(topic.Key))
                {
                    last.Add(topic);
                }
            }
        }

        // Outside the lock and not awaited: a request's end never waits on the grain.
        foreach (var topic in last)
        {
            _ = topic.StopAsync();
        }
    }

    private void EndStreams()
    {
        lock (_lock)
        {
            _stopped = true;
            foreach (var client in _clients)
            {
                client.End(_reconnect);
            }
        }
    }
}
