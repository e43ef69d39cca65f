using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.AlertEngine.Outbox;
using TradingAlerts.AlertEngine.Rules;
using TradingAlerts.AlertEngine.Webhooks;
using TradingAlerts.Client;

namespace TradingAlerts.AlertEngine;

/// <summary>
/// Follows the configured pairs' bar changes from the positions the store kept and the symbols' confluence, runs them
/// through the rules, and commits each batch's alerts with the state it leaves (the outbox) before anything is
/// delivered. Logs a line of counters every <see cref="AlertOptions.ReportInterval"/> so operators (and the
/// multi-process tests) can see updates keep arriving.
/// </summary>
public sealed partial class AlertWorker(GridSubscriber subscriptions, IClusterClient cluster, IAlertStore store, AlertPublisher publisher,
    AlertMetrics metrics, IOptions<AlertOptions> options, ILogger<AlertWorker> logger, WebhookDispatcher? webhook = null)
    : BackgroundService
{
    private const int MaxBatch = 512;
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(10);

    private readonly Lock _rulesLock = new();
    private readonly AlertRules _rules = new(options.Value);
    private readonly ConcurrentDictionary<string, long> _barsBySymbol = new(StringComparer.Ordinal);
    private long _bars;
    private long _confluence;
    private long _alerts;
    private long _resets;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pairs = options.Value.Pairs();
        var symbols = options.Value.CatalogueSymbols();
        var stored = await Retry("loading the alert state", () => store.LoadAsync(stoppingToken), stoppingToken).ConfigureAwait(false);
        var from = new Dictionary<Pair, long>();
        lock (_rulesLock)
        {
            foreach (var (pair, state) in stored.Pairs)
            {
                _rules.Restore(pair, state);
                from[pair] = state.Resume;
            }

            foreach (var (symbol, state) in stored.Confluence)
            {
                _rules.Restore(symbol, state);
            }
        }

        // A pair seen for the first time starts at its current position, kept before following it: a crash before its
        // first alert then resumes there instead of at a later "current".
        var fresh = await BarFeed.StartPositions(cluster, [.. pairs.Where(p => !from.ContainsKey(p))], logger, stoppingToken).ConfigureAwait(false);
        if (fresh.Count > 0)
        {
            var states = new Dictionary<Pair, PairRuleState>();
            lock (_rulesLock)
            {
                foreach (var (pair, position) in fresh)
                {
                    _rules.Restore(pair, new PairRuleState(position, null, 0, null));
                    states[pair] = _rules.State(pair)!;
                    from[pair] = position;
                }
            }

            await Retry("keeping the start positions", () => store.CommitAsync([], states, new Dictionary<string, ConfluenceRuleState>(), stoppingToken), stoppingToken).ConfigureAwait(false);
        }

        await using var bars = BarFeed.Subscribe(subscriptions, pairs, from);
        await using var confluence = subscriptions.SubscribeConfluence(symbols);
        LogStarted(logger, pairs.Count, symbols.Count, stored.Pairs.Count, options.Value.Intrabar ? "every version (intrabar)" : "closed bars");
        try
        {
            await Task.WhenAll(
                ConsumeAsync(bars, update =>
                {
                    Interlocked.Increment(ref _bars);
                    _barsBySymbol.AddOrUpdate(update.Pair.Symbol, 1, (_, n) => n + 1);
                    if (update.Changes.Reset)
                    {
                        Interlocked.Increment(ref _resets);
                        LogReset(logger, update.Pair.Key, update.Changes.Bars.Length);
                    }

                    return _rules.Evaluate(update.Pair, update.Changes);
                }, (update, pairStates, _) => pairStates[update.Pair] = _rules.State(update.Pair)!, stoppingToken),
                ConsumeAsync(confluence, snapshot =>
                {
                    Interlocked.Increment(ref _confluence);
                    return _rules.Evaluate(snapshot);
                }, (snapshot, _, symbolStates) =>
                {
                    if (_rules.State(snapshot.Symbol) is { } state)
                    {
                        symbolStates[snapshot.Symbol] = state;
                    }
                }, stoppingToken),
                ReportAsync(() => bars.Subscribed + confluence.Subscribed, stoppingToken)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Reads what is queued (up to <see cref="MaxBatch"/> updates), evaluates it in order and commits the alerts with
    /// the state they leave in one transaction, retried until it succeeds: nothing is announced before it is stored.
    /// </summary>
    private async Task ConsumeAsync<T>(GridSubscription<T> subscription, Func<T, IReadOnlyList<Alert>> evaluate,
        Action<T, Dictionary<Pair, PairRuleState>, Dictionary<string, ConfluenceRuleState>> keep, CancellationToken stoppingToken)
    {
        var reader = subscription.Updates;
        while (await reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
        {
            var fired = new List<Alert>();
            var pairStates = new Dictionary<Pair, PairRuleState>();
            var symbolStates = new Dictionary<string, ConfluenceRuleState>(StringComparer.Ordinal);
            lock (_rulesLock)
            {
                var malformed = _rules.MalformedBars;
                for (var n = 0; n < MaxBatch && reader.TryRead(out var update); n++)
                {
                    fired.AddRange(evaluate(update));
                    keep(update, pairStates, symbolStates);
                }

                if (_rules.MalformedBars > malformed)
                {
                    LogBadJson(logger, _rules.MalformedBars - malformed);
                }
            }

            var stored = await Retry("committing alerts and rule state",
                () => store.CommitAsync(fired, pairStates, symbolStates, stoppingToken), stoppingToken).ConfigureAwait(false);
            foreach (var alert in stored)
            {
                Interlocked.Increment(ref _alerts);
                metrics.Fired.Add(1, new KeyValuePair<string, object?>("rule", alert.Rule));
                await publisher.PublishAsync(alert).ConfigureAwait(false);
            }

            if (stored.Count > 0)
            {
                webhook?.Signal();
            }
        }
    }

    /// <summary>Runs <paramref name="action"/> until it succeeds (the database may be away for a while): state is never skipped.</summary>
    private async Task<TResult> Retry<TResult>(string what, Func<Task<TResult>> action, CancellationToken stoppingToken)
    {
        var wait = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                return await action().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                LogStoreFailed(logger, ex, what, wait);
                await Task.Delay(wait, stoppingToken).ConfigureAwait(false);
                wait = TimeSpan.FromTicks(Math.Min(MaxRetry.Ticks, wait.Ticks * 2));
            }
        }
    }

    private async Task ReportAsync(Func<int> subscribed, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReportInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var perSymbol = string.Join(',', _barsBySymbol.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}:{s.Value}"));
                var (bars, confluence, alerts, count, resets) = (Interlocked.Read(ref _bars), Interlocked.Read(ref _confluence), Interlocked.Read(ref _alerts), subscribed(), Interlocked.Read(ref _resets));
                LogReport(logger, bars, confluence, alerts, count, perSymbol, resets);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert engine watching {Pairs} pairs and {Symbols} confluence symbols ({Resumed} pairs resumed from stored positions; evaluating {Mode})")]
    private static partial void LogStarted(ILogger logger, int pairs, int symbols, int resumed, string mode);

    [LoggerMessage(Level = LogLevel.Information, Message = "updates: bars={Bars} confluence={Confluence} alerts={Alerts} subscribed={Subscribed} per_symbol={PerSymbol} resets={Resets}")]
    private static partial void LogReport(ILogger logger, long bars, long confluence, long alerts, int subscribed, string perSymbol, long resets);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} bars with malformed indicator JSON were evaluated without lines or bands")]
    private static partial void LogBadJson(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pair}: the changes since the kept position could not be given; re-baselined on the {Bars} current bars (alerts of bars in between are not computed)")]
    private static partial void LogReset(ILogger logger, string pair, int bars);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The alert store failed while {What}; trying again in {Wait}")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, string what, TimeSpan wait);
}
