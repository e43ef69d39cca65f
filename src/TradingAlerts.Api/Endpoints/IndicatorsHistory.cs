using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Abstractions.Ports;
using TradingAlerts.Api.Errors;
using TradingAlerts.Api.OpenApi.Wire;

namespace TradingAlerts.Api.Endpoints;

/// <summary>
/// The indicators of a pair by time range (<c>from</c>/<c>to</c>/<c>limit</c>): from the TimeframeGrain's window when it
/// holds the whole range, otherwise from PostgreSQL in one indexed query, both written by the same writer so the bodies
/// are identical; an empty range says <c>no_data</c> and names the next older bar (<c>next_time</c>).
/// </summary>
internal static class IndicatorsHistory
{
    /// <summary>Where an answer came from, in the <c>X-Bars-Source</c> header (never in the body: both paths write the same body).</summary>
    public const string SourceHeader = "X-Bars-Source";

    public static async Task<Results<JsonBody<IndicatorsResponseWire>, NotModified, BadRequest<ApiErrorBody>>> GetAsync(HttpContext context, IGrainFactory grains, IBarStore store, Pair pair, Tier tier, HistoryQuery query, int maxBars)
    {
        var range = await grains.GetGrain<ITimeframeGrain>(pair.Key).GetRange(query.From, query.To, query.Limit);
        if (query.TooWide(pair.Timeframe, range.LatestHeld, maxBars) is { } tooWide)
        {
            return ApiError.BadRequest(tooWide);
        }

        var etag = new EntityTagHeaderValue(string.Create(CultureInfo.InvariantCulture,
            $"\"h{range.Bars.Version}-{query.From}-{query.To}-{query.Limit}-{CallerTier.Name(tier)}\""));
        context.Response.Headers.ETag = etag.ToString();
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false)))
        {
            return NotModified.Instance;
        }

        var closedBefore = range.LatestHeld ?? long.MaxValue;
        ResponseBars bars;
        long? nextTime;
        var source = SourceOf(range, query, store);
        if (source != Postgres)
        {
            bars = ResponseBars.Of(range.Bars) with { Closed = [.. range.Bars.Time.Select(t => t < closedBefore)] };
            nextTime = range.OlderThanRange;
        }
        else
        {
            var stored = (await ReadStoredAsync(store, pair, query, context.RequestAborted)).Select(bar => new BarVersion(0, bar.Time < closedBefore, bar)).ToList();

            // The structures are the latest bar's, as in memory; the momentum ratio at the float precision memory holds it.
            var latest = stored.Count > 0 && stored[^1].Bar.Time == range.LatestHeld ? range.Bars.LatestIndicators : null;
            bars = ResponseBars.Of(stored, [.. stored.Select(v => Candle(v.Bar)).OfType<MomentumCandleInfo>()], latest) with { Positions = null };
            nextTime = stored.Count == 0 ? await store.BeforeAsync(pair, query.From, context.RequestAborted) : null;
        }

        context.Response.Headers[SourceHeader] = source;
        return new JsonBody<IndicatorsResponseWire>(IndicatorsResponseJson.WriteRange(bars, pair, tier, nextTime));
    }

    /// <summary>
    /// The bars of a range without indicators, for other dialects of the same history (the UDF datafeed): from the
    /// grain's window or PostgreSQL exactly as <see cref="GetAsync"/> decides, or the 400 message of a range too wide.
    /// </summary>
    public static async Task<HistoryBars> GetBarsAsync(HttpContext context, IGrainFactory grains, IBarStore store, Pair pair, HistoryQuery query, int maxBars)
    {
        var range = await grains.GetGrain<ITimeframeGrain>(pair.Key).GetRange(query.From, query.To, query.Limit);
        if (query.TooWide(pair.Timeframe, range.LatestHeld, maxBars) is { } tooWide)
        {
            return new HistoryBars(range, null, null, tooWide);
        }

        var source = SourceOf(range, query, store);
        context.Response.Headers[SourceHeader] = source;
        if (source != Postgres)
        {
            return new HistoryBars(range, null, range.OlderThanRange, null);
        }

        var stored = await ReadStoredAsync(store, pair, query, context.RequestAborted);
        return new HistoryBars(range, stored, stored.Count == 0 ? await store.BeforeAsync(pair, query.From, context.RequestAborted) : null, null);
    }

    private const string Postgres = "postgres";

    /// <summary>memory (the window holds the range), memory-only (no durable store to ask) or postgres.</summary>
    private static string SourceOf(BarRange range, HistoryQuery query, IBarStore store) =>
        InMemory(range, query) ? "memory" : !store.IsDurable ? "memory-only" : Postgres;

    private static async Task<List<BarRecord>> ReadStoredAsync(IBarStore store, Pair pair, HistoryQuery query, CancellationToken cancellationToken)
    {
        var stored = new List<BarRecord>(Math.Min(query.Limit, 1024));
        await foreach (var bar in store.RangeAsync(pair, query.From, query.To, query.Limit, cancellationToken))
        {
            stored.Add(bar);
        }

        return stored;
    }

    /// <summary>
    /// Memory holds every bar of the range when the window is not full (nothing older was ever evicted), starts at or
    /// before <c>from</c>, or already gave the <c>limit</c> newest bars before <c>to</c>.
    /// </summary>
    private static bool InMemory(BarRange range, HistoryQuery query) =>
        !range.WindowFull || query.From >= range.OldestHeld || range.Bars.Count >= query.Limit;

    private static MomentumCandleInfo? Candle(BarRecord bar) =>
        MomentumJson.Parse(bar.Indicators.MomentumCandles) is { } m
            ? new MomentumCandleInfo(bar.Time, m.Bullish, double.Parse(((float)m.BodyRatio).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))
            : null;
}

/// <summary>
/// A range's bars as <see cref="IndicatorsHistory.GetBarsAsync"/> found them: the grain's <see cref="Range"/> (its bars
/// are the answer when <see cref="Stored"/> is null), or the rows PostgreSQL holds; <see cref="NextTime"/> the newest bar
/// before an empty range; <see cref="TooWide"/> the 400 message of a range wider than Api:History:MaxBars.
/// </summary>
internal sealed record HistoryBars(BarRange Range, IReadOnlyList<BarRecord>? Stored, long? NextTime, string? TooWide);
