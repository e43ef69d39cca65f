namespace TradingAlerts.AlertEngine.Rules;

/// <summary>
/// What the engine keeps per pair (in PostgreSQL, in the transaction that writes the pair's alerts): the position to
/// resume from and the last evaluated bar. <see cref="Resume"/> lies before any version not yet evaluated (the forming
/// bar's first version), so a restart is handed that bar again at its newest version.
/// </summary>
/// <param name="Time">Open time of the last evaluated bar; null before the first one (the baseline).</param>
/// <param name="Keltner">That bar's side of the configured Keltner band: 1 above, -1 below, 0 inside, null without a band.</param>
public sealed record PairRuleState(long Resume, long? Time, double Close, int? Keltner);

/// <summary>A symbol's confluence as last evaluated: whether its score was at or above the threshold, and its data time.</summary>
public sealed record ConfluenceRuleState(bool Above, long Time);
