namespace TradingAlerts.CollectorFile.Sqlite;

/// <summary>
/// Settings of the collector row checks that depend on the deployment.
/// </summary>
/// <param name="MaxBrokerUtcOffset">
/// How far the broker's server clock may be ahead of UTC. Bar times are in the broker's server time while
/// <c>written_at</c> is UTC, so the forming bar of a UTC+3 broker opens up to 3 h "after" its UTC write
/// time. A row is refused when its bar opens later than <c>written_at</c> + one bar of its timeframe + this.
/// The default, 14 h, is the largest offset of any time zone (UTC+14), so no broker's rows are refused out
/// of the box; set it to the broker's real offset for a tighter check.
/// </param>
public sealed record CollectorValidation(TimeSpan MaxBrokerUtcOffset)
{
    public static readonly TimeSpan DefaultMaxBrokerUtcOffset = TimeSpan.FromHours(14);

    public static CollectorValidation Default { get; } = new(DefaultMaxBrokerUtcOffset);
}
