using System.ComponentModel.DataAnnotations;

namespace TradingAlerts.Silo.Live;

/// <summary>Server-sent event streams (section "Live").</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>A heartbeat is sent after this long without an event, so proxies keep the connection open.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Events queued per client; a client that lags further loses the oldest ones.</summary>
    [Range(1, 100_000)]
    public int ClientBuffer { get; set; } = 256;

    /// <summary>Streams one caller (token subject, else address or IPv6 /64) may hold open on one silo; more are 429.</summary>
    [Range(1, 10_000)]
    public int MaxStreamsPerCaller { get; set; } = 8;

    /// <summary>Streams one silo holds open in total; more are 429.</summary>
    [Range(1, 1_000_000)]
    public int MaxStreamsPerSilo { get; set; } = 5_000;
}
