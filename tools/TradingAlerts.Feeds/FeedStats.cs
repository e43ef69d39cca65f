namespace TradingAlerts.Feeds;

/// <summary>What a feed run did.</summary>
/// <param name="InputBars">Bars (or live steps) consumed.</param>
/// <param name="Cycles">Collector cycles written (one transaction each).</param>
/// <param name="RowsWritten">Rows inserted or changed in the collector file.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record FeedStats(long InputBars, long Cycles, long RowsWritten, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? RowsWritten / Elapsed.TotalSeconds : 0;
}
