using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Abstractions.Ports;
using TradingAlerts.Grains.Bars;

namespace TradingAlerts.Benchmarks.Grid;

/// <summary>
/// Memory: every one of the 135 TimeframeGrains full (10,000 bars each, the latest with structure JSON),
/// working set after a full collection, against the same process with the grid started and empty.
/// </summary>
internal static class MemoryBenchmark
{
    private const int BarsPerPair = 10_000;

    private static readonly IndicatorValues Structures = new(
        """{"peaks":[{"time":1,"price":1.1}],"bottoms":[{"time":2,"price":1.0}]}""",
        """{"peak_lines":[{"start_time":1,"start_price":1.1,"end_time":3,"end_price":1.1,"touches":2}],"bottom_lines":[]}""",
        """{"ascending":[],"descending":[]}""", "[]",
        """{"upper":[1.2,1.3,1.4,1.5,1.6],"middle":1.1,"lower":[1.0,0.9,0.8,0.7,0.6]}""", 1.1, 1.1, 1.1,
        """{"peaks":[{"time":1,"price":1.1}],"bottoms":[{"time":2,"price":1.0}]}""");

    public static async Task<(long Empty, long Full)> RunAsync(TextWriter output)
    {
        using var host = GridHost.Build(new NoBarStore());
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var empty = WorkingSet();
        var seq = 0L;
        foreach (var pair in Pair.All)
        {
            var grain = grains.GetGrain<ITimeframeGrain>(pair.Key);
            for (var start = 0; start < BarsPerPair; start += 1_000)
            {
                var chunk = Enumerable.Range(start, 1_000).Select(i =>
                {
                    var close = 1.1 + (Math.Sin(i / 50.0) / 100);
                    var values = i == BarsPerPair - 1 ? Structures : IndicatorValues.None with { Tema = close, Hrma = close, Smma = close, MomentumCandles = "[]" };
                    return new BarRecord(pair.Timeframe, i * (long)pair.Timeframe.Seconds(), close, close + 0.001, close - 0.001, close, values, ++seq, 0);
                }).ToArray();
                await grain.Apply(chunk);
            }
        }

        var held = 0;
        foreach (var pair in Pair.All)
        {
            held += (await grains.GetGrain<ITimeframeGrain>(pair.Key).GetBars(1)).Count;
        }

        var full = WorkingSet();
        output.WriteLine($"memory: grid empty {empty / 1_048_576.0:0} MB; 135 grains x {BarsPerPair:N0} bars {full / 1_048_576.0:0} MB working set " +
            $"({(full - empty) / 1_048_576.0:0} MB for {Pair.All.Count * BarsPerPair:N0} bars; ratio full/empty {(double)full / empty:0.00}) [{held} grains answered]");
        await host.StopAsync();
        return (empty, full);
    }

    private static long WorkingSet()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
