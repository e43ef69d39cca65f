using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Persistence.Schema;

/// <summary>
/// TimescaleDB settings of one timeframe's tables. Retention is the original design's (about 10,000 bars);
/// a chunk holds about 2,016 bars (one week of M5) so chunks stay small at every timeframe, and a
/// chunk is compressed once it is two chunks old, long after its bars stop being rewritten.
/// </summary>
public sealed record TimeframeStoragePolicy(Timeframe Timeframe, int RetentionDays, int ChunkDays, int CompressAfterDays)
{
    private static readonly Dictionary<Timeframe, int> RetentionDaysByTimeframe = new()
    {
        [Timeframe.M5] = 35,
        [Timeframe.M15] = 105,
        [Timeframe.M30] = 210,
        [Timeframe.H1] = 417,
        [Timeframe.H2] = 834,
        [Timeframe.H4] = 1667,
        [Timeframe.H8] = 3333,
        [Timeframe.H12] = 5000,
        [Timeframe.D1] = 10000,
    };

    /// <summary>The policy of each catalogue timeframe, shortest first.</summary>
    public static IReadOnlyList<TimeframeStoragePolicy> All { get; } =
    [
        .. Timeframes.All.Select(tf =>
        {
            var chunkDays = 7 * tf.Seconds() / Timeframe.M5.Seconds();
            return new TimeframeStoragePolicy(tf, RetentionDaysByTimeframe[tf], chunkDays, 2 * chunkDays);
        }),
    ];

    public static TimeframeStoragePolicy For(Timeframe timeframe) => All.Single(p => p.Timeframe == timeframe);
}
