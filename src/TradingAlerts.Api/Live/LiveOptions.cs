using System.ComponentModel.DataAnnotations;

namespace TradingAlerts.Api.Live;

/// <summary>Server-sent event streams (section "Live").</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>A heartbeat is sent after this long without an event, so proxies keep the connection open.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Events queued per stream. A stream that lags further stops queueing the pairs it lags on and, once it has drained,
    /// is caught up from the grains (or sent a <c>reset</c> with the current state): nothing is dropped.
    /// </summary>
    [Range(1, 100_000)]
    public int ClientBuffer { get; set; } = 256;

    /// <summary>Bar versions per catch-up read from a grain (one event).</summary>
    [Range(1, 100_000)]
    public int CatchUpBatch { get; set; } = 500;

    /// <summary>
    /// How often each followed pair's grain position is checked on this silo, so that a change its subscription did
    /// not deliver (a grain re-activated after a silo loss, a lapsed observer) reaches the streams within this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PositionCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Pairs plus confluence symbols one stream may follow (all 135 pairs and 15 symbols fit); more are 400.</summary>
    [Range(1, 10_000)]
    public int MaxItemsPerStream { get; set; } = 150;

    /// <summary>How long an event id stays resumable; an older <c>Last-Event-ID</c> gets a <c>reset</c> with the current state.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan ResumeWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Streams (connections, however many pairs each follows) one caller (token subject, else address or IPv6 /64) may hold open on one silo; more are 429.</summary>
    [Range(1, 10_000)]
    public int MaxStreamsPerCaller { get; set; } = 8;

    /// <summary>Streams one silo holds open in total; more are 429.</summary>
    [Range(1, 1_000_000)]
    public int MaxStreamsPerSilo { get; set; } = 5_000;
}
