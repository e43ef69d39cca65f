using System.ComponentModel;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Api.Errors;
using TradingAlerts.Api.Health;
using TradingAlerts.Api.Markets;
using TradingAlerts.Api.OpenApi.Wire;

namespace TradingAlerts.Api.Endpoints;

/// <summary>
/// <c>GET /api/watchlist?pairs=EURUSD/H1,XAUUSD/H1</c> or <c>?symbol=EURUSD</c>: the latest bar, signal and freshness of
/// many pairs in one request (one unit of the caller's quota), one grain call per pair, all at once; the ETag is a hash
/// of the whole body, so any change in any pair changes it.
/// </summary>
internal static class WatchlistApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string PairsDescription =
        "Comma-separated pairs `SYMBOL/TIMEFRAME` (case-insensitive), e.g. `EURUSD/H1,XAUUSD/H1`; at most `Api:Watchlist:MaxPairs` (30). " +
        "Give `pairs` or `symbol`, not both.";

    private const string SymbolDescription = "One symbol: its nine timeframes, M5 to D1.";

    public static RouteGroupBuilder MapWatchlistApi(this RouteGroupBuilder api)
    {
        api.MapGet("/watchlist", GetWatchlist)
            .WithName("GetWatchlist")
            .WithSummary("Latest bar, signal and freshness of many pairs in one request (locked pairs shown as locked for FREE)")
            .WithTags("Indicators");
        return api;
    }

    public static async Task<Results<JsonBody<WatchlistResponseWire>, NotModified, BadRequest<ApiErrorBody>>> GetWatchlist(
        HttpContext context, IGrainFactory grains,
        [Description(PairsDescription)] string? pairs, [Description(SymbolDescription)] string? symbol,
        [FromServices] IOptions<WatchlistOptions> options, [FromServices] IOptions<HealthOptions> health, [FromServices] TimeProvider clock,
        [FromServices] MarketCalendar markets)
    {
        if (!TryParse(pairs, symbol, options.Value.MaxPairs, out var list, out var error))
        {
            return ApiError.BadRequest(error);
        }

        var tier = CallerTier.Of(context.User);
        var summaries = await Task.WhenAll(list.Select(pair => TierAccess.CanAccess(tier, pair.Symbol, pair.Timeframe)
            ? grains.GetGrain<ITimeframeGrain>(pair.Key).GetSummary()
            : Task.FromResult<PairSummary>(null!)));
        var now = clock.GetUtcNow();
        var body = JsonSerializer.SerializeToUtf8Bytes(new WatchlistResponseWire
        {
            Success = true,
            Data = new WatchlistDataWire
            {
                Pairs = [.. list.Select((pair, i) => Entry(pair, summaries[i], tier, now, health.Value.StaleAfterBars, markets))],
                Metadata = new WatchlistMetadataWire { Tier = CallerTier.Name(tier), PairsReturned = list.Count },
            },
        }, Json);

        var etag = new EntityTagHeaderValue($"\"w{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12))}\"");
        context.Response.Headers.ETag = etag.ToString();
        return context.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false))
            ? NotModified.Instance
            : new JsonBody<WatchlistResponseWire>(body);
    }

    /// <summary>The pairs asked for, in order; a clear message for an empty entry, an unknown symbol or timeframe, a repeat or too many.</summary>
    internal static bool TryParse(string? pairs, string? symbol, int maxPairs, out List<Pair> list, out string error)
    {
        list = [];
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(pairs) == string.IsNullOrWhiteSpace(symbol))
        {
            error = "Give either pairs (e.g. pairs=EURUSD/H1,XAUUSD/H1) or symbol (e.g. symbol=EURUSD)";
            return false;
        }

        if (!string.IsNullOrWhiteSpace(symbol))
        {
            var upper = symbol.Trim().ToUpperInvariant();
            if (!Symbols.IsKnown(upper))
            {
                error = $"Invalid symbol: {symbol}";
                return false;
            }

            list = [.. Timeframes.All.Select(tf => new Pair(upper, tf))];
        }
        else
        {
            var entries = pairs!.Split(',');
            if (entries.Length > maxPairs)
            {
                error = $"Too many pairs: {entries.Length} (at most {maxPairs})";
                return false;
            }

            foreach (var entry in entries)
            {
                var parts = entry.Trim().Split('/');
                if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                {
                    error = $"Invalid pair: '{entry}' (SYMBOL/TIMEFRAME, e.g. EURUSD/H1)";
                    return false;
                }

                var upper = parts[0].Trim().ToUpperInvariant();
                if (!Symbols.IsKnown(upper))
                {
                    error = $"Invalid symbol: {parts[0]}";
                    return false;
                }

                if (!Timeframes.TryParse(parts[1].Trim(), out var tf))
                {
                    error = $"Invalid timeframe: {parts[1]}";
                    return false;
                }

                var pair = new Pair(upper, tf);
                if (list.Contains(pair))
                {
                    error = $"Duplicate pair: {pair.Key}";
                    return false;
                }

                list.Add(pair);
            }
        }

        if (list.Count > maxPairs)
        {
            error = $"Too many pairs: {list.Count} (at most {maxPairs})";
            return false;
        }

        return true;
    }

    private static WatchlistPairWire Entry(Pair pair, PairSummary? summary, Tier tier, DateTimeOffset now, double staleAfterBars, MarketCalendar markets)
    {
        if (summary is null)
        {
            return new WatchlistPairWire { Symbol = pair.Symbol, Timeframe = pair.Timeframe.Name(), Locked = true, Bar = null, Signal = null, Freshness = null };
        }

        var freshness = PairFreshnessHealthCheck.PairStatus(pair, summary.Freshness, now, staleAfterBars, markets);
        return new WatchlistPairWire
        {
            Symbol = pair.Symbol,
            Timeframe = pair.Timeframe.Name(),
            Locked = false,
            Bar = summary.Latest is { } bar
                ? new OhlcBarWire { Time = bar.Time, Open = bar.Open, High = bar.High, Low = bar.Low, Close = bar.Close, Volume = bar.TickVolume, Spread = bar.Spread, RealVolume = bar.RealVolume, Closed = false }
                : null,
            Signal = tier == Tier.Pro && summary.Signal is { } signal
                ? new WatchlistSignalWire { Trend = signal.Trend.ToString().ToLowerInvariant(), Strength = Math.Round(signal.Strength, 4), BarTime = signal.BarTime }
                : null,
            Freshness = new WatchlistFreshnessWire
            {
                Status = freshness.Status, Bars = freshness.Bars, LastUpdate = freshness.LastUpdate, StaleAfterSeconds = freshness.StaleAfterSeconds,
            },
        };
    }
}
