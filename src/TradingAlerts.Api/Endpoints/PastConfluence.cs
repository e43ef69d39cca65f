using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Abstractions.Ports;
using TradingAlerts.Grains.Signals;
using TradingAlerts.Grains.Bars;

namespace TradingAlerts.Api.Endpoints;

/// <summary>
/// The confluence at a past time (unix seconds on the bars' clock). With PostgreSQL: from the stored rows (the bars at
/// or before the time, one query), with the signals computed as the timeframe grains compute them — exact at any
/// time and after any restart. The ConfluenceGrain's signal history is not: it holds signals as they were pushed, and
/// a bar's last version never is when its successor arrives in the same batch. Without PostgreSQL only that history
/// answers, as far back as it reaches.
/// </summary>
internal static class PastConfluence
{
    /// <returns>The response body, or null with the reason when no bars of that time are held.</returns>
    public static async Task<(byte[]? Body, string? Missing)> WriteAsync(IGrainFactory grains, IBarStore store, string symbol, long time, CancellationToken cancellationToken)
    {
        if (!store.IsDurable)
        {
            var held = await grains.GetGrain<IConfluenceGrain>(symbol).GetConfluenceAt(time);
            return held.Snapshot is { } snapshot
                ? (ConfluenceResponseJson.Write(snapshot, await BarsAt(grains, symbol, time)), null)
                : (null, held.NotHeldReason);
        }

        var bars = StoredSignals.Usable(await store.AtAsync(symbol, time, StoredSignals.BarsNeeded, cancellationToken), []);
        if (bars.Count == 0)
        {
            return (null, $"confluence at {DateTimeOffset.FromUnixTimeSeconds(time):u} is older than the stored {symbol} bars");
        }

        return (ConfluenceResponseJson.Write(StoredSignals.Confluence(symbol, time, bars), Timeframes.All.ToDictionary(tf => tf, tf => bars.GetValueOrDefault(tf)?[^1])), null);
    }

    /// <summary>The bar in force at <paramref name="time"/> of each timeframe (one read each, in parallel): what the breakdown stands on.</summary>
    private static async Task<Dictionary<Timeframe, BarRecord?>> BarsAt(IGrainFactory grains, string symbol, long time)
    {
        var bars = await Task.WhenAll(Timeframes.All.Select(async tf =>
            (tf, bar: await grains.GetGrain<ITimeframeGrain>(new Pair(symbol, tf).Key).GetBarAt(time))));
        return bars.ToDictionary(b => b.tf, b => b.bar);
    }
}
