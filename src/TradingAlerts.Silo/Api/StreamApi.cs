using TradingAlerts.Silo.Live;

namespace TradingAlerts.Silo.Api;

/// <summary>
/// Server-sent events: <c>GET /api/stream/{symbol}/{timeframe}</c> (<c>bar</c> events in the indicators shape)
/// and <c>GET /api/stream/confluence/{symbol}</c> (PRO; <c>confluence</c> events in the confluence shape).
/// Each starts with the current state, then sends changes as the grains report them, and a <c>heartbeat</c>
/// event after every quiet interval. Tiers are checked as on the GET endpoints.
/// </summary>
internal static class StreamApi
{
    public static IEndpointRouteBuilder MapStreamApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stream/{symbol}/{timeframe}", StreamBars)
            .WithName("StreamBars")
            .WithSummary("Server-sent events: the latest bar, then every changed bar (PRO-only indicators empty for FREE)")
            .WithTags("Live")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        app.MapGet("/api/stream/confluence/{symbol}", StreamConfluence)
            .WithName("StreamConfluence")
            .WithSummary("Server-sent events: the current confluence, then every change (PRO)")
            .WithTags("Live")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return app;
    }

    public static async Task<IResult> StreamBars(HttpContext context, LiveHub hub, string symbol, string timeframe)
    {
        if (!ApiAccess.TryParsePair(symbol, timeframe, out var pair, out var error))
        {
            return error!;
        }

        var tier = CallerTier.Of(context.User);
        if (ApiAccess.PairDenied(tier, pair) is { } denied)
        {
            return denied;
        }

        return await Stream(context, hub, hub.JoinBars(pair, tier));
    }

    public static async Task<IResult> StreamConfluence(HttpContext context, LiveHub hub, string symbol)
    {
        if (!ApiAccess.TryParseSymbol(symbol, out var upper, out var error))
        {
            return error!;
        }

        if (ApiAccess.ConfluenceDenied(CallerTier.Of(context.User)) is { } denied)
        {
            return denied;
        }

        return await Stream(context, hub, hub.JoinConfluence(upper));
    }

    private static async Task<IResult> Stream(HttpContext context, LiveHub hub, LiveClient client)
    {
        // Leaves the topic when the request ends however it ends (client gone, error, silo stopping).
        context.Response.RegisterForDispose(client);
        // The current state is read before the 200 goes out: if the grain cannot serve it the caller gets a 500.
        await client.Ready.Task.WaitAsync(context.RequestAborted);
        // nginx and similar proxies would otherwise buffer the stream.
        context.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(client.ReadAllAsync(hub.HeartbeatInterval, context.RequestAborted));
    }
}
