namespace TradingAlerts.CollectorFile.Sqlite;

/// <summary>
/// Settings of the collector row checks that depend on the deployment (docs/collector-validation.md lists every check).
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

    /// <summary>Default of <see cref="MaxPriceFactor"/>.</summary>
    public const double DefaultMaxPriceFactor = 10;

    /// <summary>Default of <see cref="PriceReferenceWindow"/>.</summary>
    public static readonly TimeSpan DefaultPriceReferenceWindow = TimeSpan.FromDays(30);

    public static CollectorValidation Default { get; } = new(DefaultMaxBrokerUtcOffset);

    /// <summary>
    /// A row's prices must lie within the reference close × / ÷ this (see <see cref="PriceReference"/>).
    /// 10 is far beyond any move the 15 instruments made within a month (BTCUSD's and ETHUSD's worst, March
    /// 2020, about halved), yet refuses garbage such as 1e308, 0.0001 or a misplaced decimal point.
    /// </summary>
    public double MaxPriceFactor
    {
        get;
        init => field = double.IsFinite(value) && value > 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxPriceFactor), value, "the price factor must be a finite number above 1");
    } = DefaultMaxPriceFactor;

    /// <summary>
    /// How far back the bars a reference close is taken from may lie: older prices say little about today's
    /// (a file that spans a long outage has no reference for the first bars after it, and those are not judged).
    /// </summary>
    public TimeSpan PriceReferenceWindow
    {
        get;
        init => field = value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(PriceReferenceWindow), value, "the price reference window must be positive");
    } = DefaultPriceReferenceWindow;
}
