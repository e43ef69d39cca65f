using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Client;

namespace TradingAlerts.AlertEngine;

/// <summary>The engine's calls into the grid for bar changes: where a new pair starts, and every change after the positions it resumes from.</summary>
internal static partial class BarFeed
{
    /// <summary>Every change of <paramref name="pairs"/> after <paramref name="from"/>[pair], gap-free and in position order (pairs absent: from their current position).</summary>
    public static GridSubscription<BarUpdate> Subscribe(GridSubscriber subscriptions, IEnumerable<Pair> pairs, IReadOnlyDictionary<Pair, long> from) =>
        subscriptions.SubscribeBars(pairs, from);

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
                    return (pair, await cluster.GetGrain<ITimeframeGrain>(pair.Key).GetPosition().WaitAsync(TimeSpan.FromSeconds(30), stoppingToken).ConfigureAwait(false));
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not OperationCanceledException)
                {
                    LogPositionFailed(logger, ex, pair.Key, wait);
                    await Task.Delay(wait, stoppingToken).ConfigureAwait(false);
                    wait = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(5).Ticks, wait.Ticks * 2));
                }
            }
        })).ConfigureAwait(false);
        return positions.ToDictionary(p => p.pair, p => p.Item2);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asking {Pair} for its change position failed; trying again in {Wait}")]
    private static partial void LogPositionFailed(ILogger logger, Exception exception, string pair, TimeSpan wait);
}
