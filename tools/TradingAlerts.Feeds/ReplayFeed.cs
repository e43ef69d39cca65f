using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Indicators;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.Feeds;

/// <summary>
/// Replays M1 or M5 history into a collector file as the MQL5 service would have written it live:
/// one cycle per input bar, writing every bar that closed and rewriting the forming bar of all nine
/// timeframes, so an ingest tailing the file sees in-place updates of forming bars.
/// </summary>
public sealed class ReplayFeed(CollectorWriter writer, string symbol, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>
    /// The input bar period in seconds (60 or 300), from the smallest gap between consecutive bars.
    /// </summary>
    /// <exception cref="ArgumentException">Bars are not in time order, or not M1/M5.</exception>
    public static int InputPeriod(IReadOnlyList<Ohlc> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var smallest = long.MaxValue;
        for (var i = 1; i < bars.Count; i++)
        {
            var gap = bars[i].Time - bars[i - 1].Time;
            if (gap <= 0)
            {
                throw new ArgumentException($"bars are not in time order at {DateTimeOffset.FromUnixTimeSeconds(bars[i].Time):u}", nameof(bars));
            }

            smallest = Math.Min(smallest, gap);
        }

        var period = smallest switch
        {
            60 => 60,
            300 => 300,
            long.MaxValue => bars.Count == 1 && bars[0].Time % 300 == 0 ? 300 : 60,
            _ => throw new ArgumentException($"replay needs M1 or M5 bars; the smallest gap between bars is {smallest} s", nameof(bars)),
        };
        var misaligned = bars.FirstOrDefault(b => b.Time % period != 0);
        return misaligned == default
            ? period
            : throw new ArgumentException($"bar at {DateTimeOffset.FromUnixTimeSeconds(misaligned.Time):u} is not aligned to {period} s", nameof(bars));
    }

    /// <summary>
    /// Replays <paramref name="bars"/>; <paramref name="speed"/> is simulated seconds per wall second
    /// (60 = an M1 bar a second), null as fast as possible.
    /// </summary>
    public async Task<FeedStats> RunAsync(IReadOnlyList<Ohlc> bars, double? speed, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bars);
        if (speed is <= 0 or double.NaN or double.PositiveInfinity)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "speed must be a positive number of simulated seconds per second");
        }

        var catalogueSymbol = Symbols.Normalize(symbol);
        var period = InputPeriod(bars);
        var builder = new MultiTimeframeBuilder();
        var started = _clock.GetTimestamp();
        long rows = 0;
        var cycleWall = speed is { } s ? TimeSpan.FromSeconds(period / s) : TimeSpan.Zero;
        for (var i = 0; i < bars.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cycle = builder.Cycle([bars[i]]);
            rows += writer.Write(catalogueSymbol, cycle.Select(b => b.ToRecord()));
            progress?.Report(i + 1);
            if (cycleWall > TimeSpan.Zero)
            {
                // Pace against the start so write time does not accumulate as drift.
                var due = (cycleWall * (i + 1)) - _clock.GetElapsedTime(started);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, _clock, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return new FeedStats(bars.Count, bars.Count, rows, _clock.GetElapsedTime(started));
    }
}
