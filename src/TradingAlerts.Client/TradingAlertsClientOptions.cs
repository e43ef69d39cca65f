using System.ComponentModel.DataAnnotations;

namespace TradingAlerts.Client;

/// <summary>
/// Where the cluster is (section "Orleans", the same keys the silo reads) and how the client keeps in touch
/// with it (section "Client"). Gateways come from PostgreSQL (ConnectionStrings:Postgres, ADO.NET clustering)
/// or, when no connection string is set, from the embedded silo on localhost.
/// </summary>
public sealed class TradingAlertsClientOptions
{
    public const string Section = "Client";

    /// <summary>The silo's Orleans:ClusterId.</summary>
    [Required]
    public string ClusterId { get; set; } = "tradingalerts-dev";

    /// <summary>The silo's Orleans:ServiceId.</summary>
    [Required]
    public string ServiceId { get; set; } = "tradingalerts";

    /// <summary>Gateway of the embedded silo (localhost clustering only).</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>ADO.NET clustering database; null or empty: localhost clustering.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>
    /// How often subscriptions are renewed. Renewal keeps them inside the grains' observer expiry
    /// (Grid:ObserverExpiry, 5 min) and re-subscribes after a silo loss reactivated a grain without them.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the gateway list is re-read: how soon new silos are used and lost ones dropped.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan GatewayListRefreshPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a grain call waits for its answer (Orleans' ClientMessagingOptions.ResponseTimeout, 30 s by default).
    /// A call in flight through the gateway of a silo that dies is never answered and fails only after this, so
    /// it bounds how long the agent's ingest of a symbol stalls after a silo loss before it retries elsewhere
    /// (re-delivery from the SymbolGrain's cursor is idempotent). Normal calls take milliseconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Pause between attempts to connect at startup (the client retries until the host stops).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ConnectRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Updates queued per subscription for its reader (and per grain awaiting their turn). A reader that lags further
    /// loses nothing: a bar subscription reads what it could not queue from the grain once the reader catches up (or
    /// delivers a reset when the grain no longer holds it), a confluence subscription the current snapshot.
    /// </summary>
    [Range(1, 10_000_000)]
    public int UpdateBuffer { get; set; } = 10_000;

    /// <summary>Bar versions asked for per catch-up read (GetChangesSince): bounds each answer; a larger gap takes several.</summary>
    [Range(1, 100_000)]
    public int CatchUpBatch { get; set; } = 1_000;
}
