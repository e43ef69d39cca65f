using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TradingAlerts.AlertEngine.Rules;
using TradingAlerts.Client;

namespace TradingAlerts.AlertEngine;

/// <summary>
/// Subscribes to the configured symbols' confluence and pairs' bars, runs every update through the rules and
/// publishes what fires. Logs a line of counters every <see cref="AlertOptions.ReportInterval"/> so operators
/// (and the multi-process test) can see updates keep arriving.
/// </summary>
public sealed partial class AlertWorker(GridSubscriptions subscriptions, AlertPublisher publisher, IOptions<AlertOptions> options, ILogger<AlertWorker> logger)
    : BackgroundService
{
    private readonly Lock _rulesLock = new();
    private readonly AlertRules _rules = new(options.Value);
    private readonly ConcurrentDictionary<string, long> _barsBySymbol = new(StringComparer.Ordinal);
    private long _bars;
    private long _confluence;
    private long _alerts;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pairs = options.Value.Pairs();
        var symbols = options.Value.CatalogueSymbols();
        await using var bars = subscriptions.SubscribeBars(pairs);
        await using var confluence = subscriptions.SubscribeConfluence(symbols);
        LogStarted(logger, pairs.Count, symbols.Count);
        try
        {
            await Task.WhenAll(
                ConsumeAsync(bars, update =>
                {
                    Interlocked.Increment(ref _bars);
                    _barsBySymbol.AddOrUpdate(update.Pair.Symbol, 1, (_, n) => n + 1);
                    return Evaluate(rules => rules.Evaluate(update.Pair, update.Bars));
                }, stoppingToken),
                ConsumeAsync(confluence, snapshot =>
                {
                    Interlocked.Increment(ref _confluence);
                    return Evaluate(rules => rules.Evaluate(snapshot));
                }, stoppingToken),
                ReportAsync(() => bars.Subscribed + confluence.Subscribed, stoppingToken)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private IReadOnlyList<Alert> Evaluate(Func<AlertRules, IReadOnlyList<Alert>> evaluate)
    {
        lock (_rulesLock)
        {
            return evaluate(_rules);
        }
    }

    private async Task ConsumeAsync<T>(GridSubscription<T> subscription, Func<T, IReadOnlyList<Alert>> handle, CancellationToken stoppingToken)
    {
        await foreach (var update in subscription.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            IReadOnlyList<Alert> fired;
            try
            {
                fired = handle(update);
            }
            catch (System.Text.Json.JsonException ex)
            {
                LogBadJson(logger, ex);
                continue;
            }

            foreach (var alert in fired)
            {
                Interlocked.Increment(ref _alerts);
                await publisher.PublishAsync(alert).ConfigureAwait(false);
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
                var (bars, confluence, alerts, count) = (Interlocked.Read(ref _bars), Interlocked.Read(ref _confluence), Interlocked.Read(ref _alerts), subscribed());
                LogReport(logger, bars, confluence, alerts, count, perSymbol);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert engine watching {Pairs} pairs and {Symbols} confluence symbols")]
    private static partial void LogStarted(ILogger logger, int pairs, int symbols);

    [LoggerMessage(Level = LogLevel.Information, Message = "updates: bars={Bars} confluence={Confluence} alerts={Alerts} subscribed={Subscribed} per_symbol={PerSymbol}")]
    private static partial void LogReport(ILogger logger, long bars, long confluence, long alerts, int subscribed, string perSymbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An update with malformed indicator JSON was skipped")]
    private static partial void LogBadJson(ILogger logger, Exception exception);
}
