using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TradingAlerts.Silo.Live;

namespace TradingAlerts.Silo.Api;

/// <summary>
/// Server-sent events: <c>GET /api/stream/{symbol}/{timeframe}</c> (<c>bar</c> events in the indicators shape)
/// and <c>GET /api/stream/confluence/{symbol}</c> (PRO; <c>confluence</c> events in the confluence shape).
/// Each starts with the current state, then sends changes as the grains report them, and a <c>heartbeat</c>
/// event after every quiet interval. Names and tiers are checked by the same filter as on the GET endpoints.
/// </summary>
internal static class StreamApi
{
    public static RouteGroupBuilder MapStreamApi(this RouteGroupBuilder api)
    {
        api.MapGet("/stream/{symbol}/{timeframe}", StreamBars)
            .RequirePairAccess()
            .RequireStreamSlot()
            .WithName("StreamBars")
            .WithSummary("Server-sent events: the latest bar, then every changed bar (PRO-only indicators empty for FREE)")
            .WithTags("Live");
        api.MapGet("/stream/confluence/{symbol}", StreamConfluence)
            .RequireConfluenceAccess()
            .RequireStreamSlot()
            .WithName("StreamConfluence")
            .WithSummary("Server-sent events: the current confluence, then every change (PRO)")
            .WithTags("Live");
        return api;
    }

    public static Task<ServerSentEventsResult<byte[]>> StreamBars(HttpContext context, LiveHub hub, string symbol, string timeframe)
    {
        var (pair, tier) = context.Checked<CheckedPair>();
        return Stream(context, hub, hub.JoinBars(pair, tier));
    }

    public static Task<ServerSentEventsResult<byte[]>> StreamConfluence(HttpContext context, LiveHub hub, string symbol) =>
        Stream(context, hub, hub.JoinConfluence(context.Checked<CheckedSymbol>().Symbol));

    private static async Task<ServerSentEventsResult<byte[]>> Stream(HttpContext context, LiveHub hub, LiveClient client)
    {
        // Leaves the topic when the request ends however it ends (client gone, error, silo stopping).
        context.Response.RegisterForDispose(client);
        EndAtTokenExpiry(context, client);
        // The current state is read before the 200 goes out: if the grain cannot serve it the caller gets a 500.
        await client.Ready.Task.WaitAsync(context.RequestAborted);
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
