using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Api.Caching;
using TradingAlerts.Api.Errors;
using TradingAlerts.Api.OpenApi.Wire;

namespace TradingAlerts.Api.Endpoints;

/// <summary><c>GET /api/confluence/{symbol}[?timestamp=ISO]</c> (PRO): the score and its breakdown from grain state, or at a past time.</summary>
internal static class ConfluenceApi
{
    public const string TimestampClock =
        "`timestamp` is on the bars' clock: the broker's server time, written as UTC exactly as bar times and the response's " +
        "`timestamp` are (MT5 reports server time as unix seconds). `Z` or no offset names that clock directly; an explicit " +
        "offset is applied as for any ISO 8601 time (`02:00+02:00` = `00:00Z`).";

    public static RouteGroupBuilder MapConfluenceApi(this RouteGroupBuilder api)
    {
        api.MapGet("/confluence/{symbol}", GetConfluence)
            .RequireConfluenceAccess()
            .WithName("GetConfluence")
            .WithSummary("Multi-timeframe confluence score 0-10 with its breakdown and the 117 indicators (PRO)")
            .WithDescription(
                "Without `timestamp`: the current confluence. With `timestamp` (ISO 8601): the confluence of the bars in force " +
                "then (each timeframe's latest bar that opened at or before it), computed from the stored bars (without PostgreSQL: " +
                "from the grain's recent signal history); 404 when no bar is that old. " + TimestampClock +
                " Every 200 carries an `ETag`; `If-None-Match` with it answers 304.")
            .WithTags("Confluence");
        return api;
    }

    public static async Task<Results<JsonBody<ConfluenceResponseWire>, NotModified, BadRequest<ApiErrorBody>, NotFound<ApiErrorBody>>> GetConfluence(
        HttpContext context, IGrainFactory grains, ResponseCache cache, string symbol, string? timestamp)
    {
        // symbol (bound for the API description) was checked by the route's filter (ApiAccess).
        var upper = context.Checked<CheckedSymbol>().Symbol;
        long? at = null;
        if (!string.IsNullOrEmpty(timestamp)) // empty means now
        {
            if (!IsoTimestamp.TryParse(timestamp, out var parsed))
            {
                return ApiError.BadRequest($"Invalid timestamp: {timestamp} (ISO 8601, e.g. 2022-01-05T12:00:00Z)");
            }

            at = parsed.ToUnixTimeSeconds(); // the bars' clock (see TimestampClock)
        }

        byte[]? body;
        EntityTagHeaderValue etag;
        if (at is null)
        {
            // The present: one version check decides 304, cached bytes, or one call for the whole view.
            var confluence = grains.GetGrain<IConfluenceGrain>(upper);
            var version = await confluence.GetVersion();
            if (NotModified(context, VersionTag(version)))
            {
                return Endpoints.NotModified.Instance;
            }

            var key = new CacheKey(upper);
            if (cache.TryGet(key, version, limit: 0, out CachedJson? cached))
            {
                body = cached.Body;
            }
            else
            {
                var view = await confluence.GetView();
                body = ConfluenceResponseJson.Write(view);
                cache.Set(key, new CachedJson(view.Version, body));
                version = view.Version;
            }

            etag = VersionTag(version);
        }
        else
        {
            // A past time can change (a late bar, a rewrite of the bar then forming) without the grain's version
            // changing, so its tag is the body's hash: 304 saves the transfer, never serves a changed answer.
            var past = await grains.GetGrain<IConfluenceGrain>(upper).GetPastView(at.Value);
            if (past.Snapshot is null)
            {
                return ApiError.NotFound(past.NotHeldReason!);
            }

            body = ConfluenceResponseJson.Write(past.Snapshot, Timeframes.All.ToDictionary(tf => tf, tf => past.Bars?.GetValueOrDefault(tf)));

            etag = new EntityTagHeaderValue($"\"h{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"");
            if (NotModified(context, etag))
            {
                return Endpoints.NotModified.Instance;
            }
        }

        context.Response.Headers.ETag = etag.ToString();
        return new JsonBody<ConfluenceResponseWire>(body);
    }

    private static EntityTagHeaderValue VersionTag(long version) => new($"\"v{version}\"");

    private static bool NotModified(HttpContext context, EntityTagHeaderValue etag)
    {
        if (!context.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false)))
        {
            return false;
        }

        context.Response.Headers.ETag = etag.ToString();
        return true;
    }

    private readonly record struct CacheKey(string Symbol);
}
