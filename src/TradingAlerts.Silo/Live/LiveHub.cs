using Microsoft.Extensions.Options;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Client;
using TradingAlerts.Grains.Options;

namespace TradingAlerts.Silo.Live;

/// <summary>
/// The live streams of this silo: one grain subscription per pair (or confluence symbol) however many HTTP
/// clients watch it, dropped when the last one leaves. When the application stops, every stream ends so
/// that the server does not wait on them.
/// </summary>
internal sealed class LiveHub : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LiveTopic> _topics = new(StringComparer.Ordinal);
    private readonly HashSet<LiveClient> _clients = [];
    private readonly IGrainFactory _grains;
    private readonly GridSubscriptions _subscriptions;
    private readonly LiveOptions _options;
    private readonly ILogger<LiveHub> _logger;
    private readonly CancellationTokenRegistration _stopping;
    private bool _stopped;

    public LiveHub(IGrainFactory grains, IOptions<LiveOptions> options, IOptions<GridOptions> grid, IHostApplicationLifetime lifetime,
        ILogger<LiveHub> logger, ILogger<GridSubscriptions> subscriptionLogger)
    {
        _grains = grains;
        _options = options.Value;
        _logger = logger;
        // The client library's renewing subscriptions, renewed well within the grain's observer expiry: a renewal may
        // be late or fail once without the subscription lapsing.
        var renewEvery = TimeSpan.FromTicks(Math.Max(grid.Value.ObserverExpiry.Ticks / 4, TimeSpan.FromMilliseconds(100).Ticks));
        _subscriptions = new GridSubscriptions(grains, Options.Create(new TradingAlertsClientOptions { RenewInterval = renewEvery }), subscriptionLogger);
        _stopping = lifetime.ApplicationStopping.Register(EndStreams);
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

    public LiveClient JoinBars(Pair pair, Tier tier) =>
        Join(BarTopic.KeyOf(pair), tier, () => new BarTopic(pair, _grains, _logger));

    public LiveClient JoinConfluence(string symbol) =>
        Join(ConfluenceTopic.KeyOf(symbol), Tier.Pro, () => new ConfluenceTopic(symbol, _grains, _logger));

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

    private LiveClient Join(string key, Tier tier, Func<LiveTopic> create)
    {
        var client = new LiveClient(tier, _options.ClientBuffer, Leave);
        lock (_lock)
        {
            if (_stopped)
            {
                // Stopping: an empty stream that ends at once.
                client.Complete();
                client.Ready.TrySetResult();
                return client;
            }

            if (!_topics.TryGetValue(key, out var topic))
            {
                topic = create();
                _topics.Add(key, topic);
                topic.Start(_subscriptions);
            }

            topic.Subscribers++;
            client.Topic = topic;
            _clients.Add(client);
            topic.Join(client);
        }

        return client;
    }

    private void Leave(LiveClient client)
    {
        LiveTopic? last = null;
        lock (_lock)
        {
            if (client.Topic is not { } topic || !_clients.Remove(client))
            {
                return;
            }

            topic.Leave(client);
            if (--topic.Subscribers == 0 && _topics.Remove(topic.Key))
            {
                last = topic;
            }
        }

        // Outside the lock and not awaited: a request's end never waits on the grain.
        _ = last?.StopAsync();
    }

    private void EndStreams()
    {
        lock (_lock)
        {
            _stopped = true;
            foreach (var client in _clients)
            {
                client.Complete();
            }
        }
    }
}
