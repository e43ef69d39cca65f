using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Client;

namespace TradingAlerts.AlertEngine;

/// <summary>The engine's calls into the grid for bar changes: where a new pair starts, and every change after the positions it resumes from.</summary>
internal static partial class BarFeed
{
    // Until the client's resume overload lands (issue 20 step 2) the engine can only follow live changes.
    public static GridSubscription<BarUpdate> Subscribe(GridSubscriptions subscriptions, IEnumerable<Pair> pairs, IReadOnlyDictionary<Pair, long> from)
    {
        _ = from;
        return subscriptions.SubscribeBars(pairs);
    }

    /// <summary>Each pair's current change position, asked until the grid answers (the cluster may still be starting).</summary>
    public static async Task<IReadOnlyDictionary<Pair, long>> StartPositions(IClusterClient cluster, IReadOnlyList<Pair> pairs, ILogger logger, CancellationToken stoppingToken)
    {
        var positions = await Task.WhenAll(pairs.Select(async pair =>
        {
            var wait = TimeSpan.FromMilliseconds(200);
            while (true)
            {
                try
                {
                    return (pair, (long?)await cluster.GetGrain<ITimeframeGrain>(pair.Key).GetPosition().WaitAsync(TimeSpan.FromSeconds(30), stoppingToken).ConfigureAwait(false));
                }
                catch (NotSupportedException)
                {
                    return (pair, null); // a grid without change positions: followed live only
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not OperationCanceledException)
                {
                    LogPositionFailed(logger, ex, pair.Key, wait);
                    await Task.Delay(wait, stoppingToken).ConfigureAwait(false);
                    wait = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(5).Ticks, wait.Ticks * 2));
                }
            }
        })).ConfigureAwait(false);
        return positions.Where(p => p.Item2 is not null).ToDictionary(p => p.pair, p => p.Item2!.Value);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asking {Pair} for its change position failed; trying again in {Wait}")]
    private static partial void LogPositionFailed(ILogger logger, Exception exception, string pair, TimeSpan wait);
}
