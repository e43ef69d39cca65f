using Microsoft.AspNetCore.Http;
using Npgsql;
using StackExchange.Redis;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Grains;
using TradingAlerts.Grains.Bars;
using TradingAlerts.Grains.Signals;
using TradingAlerts.Api.Caching;
using TradingAlerts.Api.Endpoints;
using TradingAlerts.Api.Errors;
using TradingAlerts.Persistence.Postgres;

namespace TradingAlerts.Benchmarks.Http;

/// <summary>
/// The original plan's read paths rebuilt in C#, served beside the grid: (a) a PostgreSQL query of the
/// bars mapped to the same JSON per request, (b) a Redis GET of the same response bytes, (c) a static
/// byte array of the same size (the ceiling), and the confluence recomputed from 9 queries per request.
/// </summary>
internal sealed class Baselines(NpgsqlDataSource store, IDatabase redis, Pair pair, int limit)
{
    /// <summary>Momentum candles looked back over, as the grain does when it computes a timeframe's signal.</summary>
    private const int MomentumLookback = TimeframeGrain.MomentumLookback;

    private byte[] _static = [];

    public string RedisKey => $"indicators:{pair.Symbol}:{pair.Timeframe.Name()}:{limit}";

    /// <summary>Fills the cache key and the static bytes with a response built by path (a).</summary>
    public async Task<int> PrepareAsync()
    {
        var body = await ReadFromDatabaseAsync();
        await redis.StringSetAsync(RedisKey, body);
        _static = body;
        return body.Length;
    }

    public async Task SeedReadAsync(HttpContext context) => await Write(context, await ReadFromDatabaseAsync());

    public async Task SeedCacheAsync(HttpContext context) => await Write(context, (byte[])(await redis.StringGetAsync(RedisKey))!);

    public Task StaticAsync(HttpContext context) => Write(context, _static);

    public async Task SeedConfluenceAsync(HttpContext context)
    {
        // One query per timeframe, one after the other, as the original plan's endpoint did.
        var score = new ConfluenceScore();
        var bars = new Dictionary<Timeframe, BarRecord?>();
        foreach (var tf in Timeframes.All)
        {
            var recent = await store.LatestAsync(new Pair(pair.Symbol, tf), MomentumLookback, context.RequestAborted);
            if (recent.Count == 0)
            {
                bars[tf] = null;
                continue;
            }

            var series = Series(recent);
            var latest = recent[^1];
            bars[tf] = latest;
            score.Update(SignalCalculator.Compute(latest, StructureSnapshot.Parse(latest.Indicators), series.RecentMomentum(MomentumLookback)));
        }

        var time = score.Signals.Count == 0 ? 0 : score.Signals.Values.Max(s => s.BarTime);
        var snapshot = new ConfluenceSnapshot(pair.Symbol, time, score.Score, score.Bullish, score.Bearish, score.Neutral,
            new Dictionary<Timeframe, TimeframeSignal>(score.Signals));
        await Write(context, ConfluenceResponseJson.Write(snapshot, bars));
    }

    private async Task<byte[]> ReadFromDatabaseAsync()
    {
        var rows = await store.LatestAsync(pair, limit);
        var series = Series(rows);
        return IndicatorsResponseJson.Write(series.Snapshot(pair.Key, 1, limit, rows.Count == 0 ? null : rows[^1].Indicators), pair, Tier.Pro);
    }

    private static BarSeries Series(List<BarRecord> rows)
    {
        var series = new BarSeries(Math.Max(rows.Count, 1));
        foreach (var row in rows)
        {
            series.Apply(row, MomentumJson.Parse(row.Indicators.MomentumCandles));
        }

        return series;
    }

    private static Task Write(HttpContext context, byte[] body)
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, 0, body.Length, context.RequestAborted);
    }
}
