using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Api.Errors;
using TradingAlerts.Api.Live;
using TradingAlerts.Api.OpenApi.Wire;

namespace TradingAlerts.Api.Endpoints;

/// <summary>
/// Server-sent events (docs/live-streams.md): <c>GET /api/stream?pairs=…&amp;confluence=…</c>, one stream for any
/// number of pairs (<c>bar</c> events in the indicators shape, each bar with <c>closed</c> and <c>position</c>) and
/// confluence symbols (PRO; <c>confluence</c> events in the confluence shape); <c>GET /api/stream/{symbol}/{timeframe}</c>
/// and <c>GET /api/stream/confluence/{symbol}</c> are its one-item cases. Each event's <c>id:</c> is the resume position
/// of the whole stream: reconnecting with <c>Last-Event-ID</c> continues with exactly what was missed, on any silo; an id
/// that cannot be resumed gets a <c>reset</c> with the current state. A <c>heartbeat</c> follows every quiet interval.
/// Names and tiers are checked before the stream opens, as on the GET endpoints.
/// </summary>
internal static class StreamApi
{
    public static RouteGroupBuilder MapStreamApi(this RouteGroupBuilder api)
    {
        api.MapGet("/stream", StreamMany)
            .RequireStreamSlot()
            .ProducesEvents()
            .Produces<ApiErrorBody>(StatusCodes.Status400BadRequest)
            .Produces<UpgradeRequiredBody>(StatusCodes.Status403Forbidden)
            .WithName("Stream")
            .WithSummary("Server-sent events of many pairs and confluence symbols in one resumable stream (pairs=EURUSD/M5,EURUSD/H1 or *; confluence=EURUSD or *, PRO)")
            .WithTags("Live");
        api.MapGet("/stream/{symbol}/{timeframe}", StreamBars)
            .RequirePairAccess()
            .RequireStreamSlot()
            .ProducesEvents()
            .WithName("StreamBars")
            .WithSummary("Server-sent events: the latest bar, then every changed bar (PRO-only indicators empty for FREE)")
            .WithTags("Live");
        api.MapGet("/stream/confluence/{symbol}", StreamConfluence)
            .RequireConfluenceAccess()
            .RequireStreamSlot()
            .ProducesEvents()
            .WithName("StreamConfluence")
            .WithSummary("Server-sent events: the current confluence, then every change (PRO)")
            .WithTags("Live");
        return api;
    }

    /// <summary>
    /// The 200 in the OpenAPI document (the handlers answer IResult: an error envelope, or the events): the schema names
    /// each event type's data (<see cref="StreamEventsWire"/>), as the body itself is text/event-stream, not JSON.
    /// </summary>
    private static RouteHandlerBuilder ProducesEvents(this RouteHandlerBuilder route) =>
        route.Produces<StreamEventsWire>(StatusCodes.Status200OK, "text/event-stream");

    public static async Task<IResult> StreamMany(HttpContext context, LiveHub hub, string? pairs, string? confluence)
    {
        var tier = CallerTier.Of(context.User);
        var selection = StreamQuery.TryParse(pairs, confluence, tier, hub.Settings.MaxItemsPerStream, out var error);
        return selection is null ? error! : await Stream(context, hub, selection, tier);
    }

    public static Task<IResult> StreamBars(HttpContext context, LiveHub hub, string symbol, string timeframe)
    {
        var (pair, tier) = context.Checked<CheckedPair>();
        return Stream(context, hub, new StreamSelection([pair], []), tier);
    }

    public static Task<IResult> StreamConfluence(HttpContext context, LiveHub hub, string symbol)
    {
        var (checkedSymbol, tier) = context.Checked<CheckedSymbol>();
        return Stream(context, hub, new StreamSelection([], [checkedSymbol]), tier);
    }

    private static async Task<IResult> Stream(HttpContext context, LiveHub hub, StreamSelection selection, Tier tier)
    {
        var lastEventId = context.Request.Headers["Last-Event-ID"].ToString();
        long[]? resumeFrom = null;
        var reset = false;
        if (lastEventId.Length > 0)
        {
            resumeFrom = StreamCursor.TryDecode(lastEventId, selection, hub.Time.GetUtcNow(), hub.Settings.ResumeWindow, out _);
            reset = resumeFrom is null; // malformed, another selection's or expired: start over with a reset, never an error
        }

        var client = hub.Open(selection, tier, resumeFrom);
        // Leaves the topics when the request ends however it ends (client gone, error, silo stopping).
        context.Response.RegisterForDispose(client);
        if (reset)
        {
            client.ResetAll();
        }

        EndAtTokenExpiry(context, client);
        // The first state is read before the 200 goes out, for at most 3 s (LiveClient.OpenAsync): when no item's grain
        // can serve it the open fails (and is retried, GridRetry) before the caller sees anything, and a failed open
        // leaves its topics at once; items that did not answer in time follow from the response loop.
        try
        {
            await client.OpenAsync(context.RequestAborted);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        // nginx and similar proxies would otherwise buffer the stream.
        context.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(client.ReadAllAsync(hub.HeartbeatInterval, context.RequestAborted));
    }

    /// <summary>
    /// Tier and expiry are checked when the stream opens; a stream outliving its token would keep serving a tier nobody
    /// vouches for any more, so it ends then, with a last <c>expired</c> event (reconnect with a fresh token).
    /// </summary>
    private static void EndAtTokenExpiry(HttpContext context, LiveClient client)
    {
        if (TokenExpiry.Of(context.User) is not { } expires)
        {
            return;
        }

        var time = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        var due = expires - time.GetUtcNow();
        var timer = time.CreateTimer(_ => client.End(ExpiredEvent), null, due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        context.Response.RegisterForDispose(timer);
    }

    private static readonly SseItem<byte[]> ExpiredEvent =
        new(JsonSerializer.SerializeToUtf8Bytes(new ApiErrorBody("Token expired"), JsonSerializerOptions.Web), LiveClient.ExpiredEventType);
}
