using System.Diagnostics;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Indicators;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.Feeds;

/// <summary>
/// Writes a <see cref="SyntheticMarket"/> into a collector file: first history (closed bars, as the MQL5
/// service's backfill writes them, in large transactions), then live cycles that rewrite the forming bars.
/// </summary>
public sealed class SyntheticFeed(CollectorWriter writer, SyntheticMarket market, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Open time of the M5 bar in progress now: where history ends and live begins.</summary>
    public long Now => Timeframe.M5.BucketStart(_clock.GetUtcNow().ToUnixTimeSeconds());

    /// <summary>
    /// Writes every symbol's closed bars for M5 bars opening in [<paramref name="from"/>, <paramref name="to"/>),
    /// then its forming bars; <paramref name="progress"/> receives rows written so far per symbol.
    /// </summary>
    public FeedStats WriteHistory(long from, long to, IProgress<(string Symbol, long Rows)>? progress = null, int rowsPerTransaction = 20_000, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.StartNew();
        long written = 0, transactions = 0;
        foreach (var symbol in market.Symbols)
        {
            long symbolRows = 0;
            var chunk = new List<TimeframeBar>(rowsPerTransaction);
            foreach (var bar in market.History(symbol, from, to))
            {
                chunk.Add(bar);
                if (chunk.Count == rowsPerTransaction)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    symbolRows += Flush(symbol, chunk);
                    transactions++;
                    progress?.Report((symbol, symbolRows));
                }
            }

            chunk.AddRange(market.Forming(symbol));
            symbolRows += Flush(symbol, chunk);
            transactions++;
            progress?.Report((symbol, symbolRows));
            written += symbolRows;
        }

        var m5Bars = Math.Max(0, (to - Timeframe.M5.BucketStart(from)) / Timeframe.M5.Seconds()) * market.Symbols.Count;
        return new FeedStats(m5Bars, transactions, written, started.Elapsed);
    }

    /// <summary>
    /// Live cycles every <paramref name="interval"/> from simulated time <paramref name="start"/>; each
    /// cycle moves every symbol's price over interval × <paramref name="speed"/> simulated seconds and
    /// writes the cycle. Runs until cancelled; a failed write is reported to <paramref name="onError"/>,
    /// its rows are retried with the next cycle, and the loop goes on.
    /// </summary>
    public async Task<FeedStats> RunLiveAsync(long start, TimeSpan interval, double speed = 1, Action<Exception>? onError = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.FromMilliseconds(10));
        var step = Math.Max(1, (int)Math.Round(interval.TotalSeconds * speed));
        var started = _clock.GetTimestamp();
        long cycles = 0, written = 0;
        var time = start;
        // Rows of a cycle whose write failed are kept and written with the next cycle: nothing is lost.
        var pending = market.Symbols.ToDictionary(s => s, _ => new List<TimeframeBar>(), StringComparer.Ordinal);
        using var timer = new PeriodicTimer(interval, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                // Faster than real time the simulated clock runs ahead of the wall clock: the simulated collector
                // writes at its own time, so no bar opens after its write time (which readers check).
                var writtenAt = Math.Max(_clock.GetUtcNow().ToUnixTimeMilliseconds(), (time + step) * 1000);
                foreach (var symbol in market.Symbols)
                {
                    var rows = pending[symbol];
                    rows.AddRange(market.Step(symbol, time, step));
                    try
                    {
                        written += writer.Write(symbol, rows.Select(r => r.ToRecord()), writtenAt);
                        rows.Clear();
                    }
                    catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
                    {
                        onError?.Invoke(ex);
                    }
                }

                time += step;
                cycles++;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        return new FeedStats(cycles * market.Symbols.Count, cycles, written, _clock.GetElapsedTime(started));
    }

    private long Flush(string symbol, List<TimeframeBar> chunk)
    {
        var rows = writer.Write(symbol, chunk.Select(b => b.ToRecord()));
        chunk.Clear();
        return rows;
    }
}
