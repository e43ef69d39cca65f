using BenchmarkDotNet.Attributes;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Benchmarks;

/// <summary>
/// Bucket alignment runs once per bar per timeframe on the ingest and aggregation paths; the baseline is
/// the same alignment through <see cref="DateTimeOffset"/>, the obvious alternative.
/// </summary>
[MemoryDiagnoser]
public class BucketAlignmentBenchmarks
{
    private const long Start = 1_641_254_400; // 2022-01-04 00:00:00
    private const int Bars = 10_000;

    [Benchmark(Baseline = true)]
    public long ViaDateTimeOffset()
    {
        long sum = 0;
        for (var i = 0; i < Bars; i++)
        {
            var time = DateTimeOffset.FromUnixTimeSeconds(Start + (i * 61L));
            var start = new DateTimeOffset(time.Year, time.Month, time.Day, time.Hour, 0, 0, TimeSpan.Zero);
            sum += start.ToUnixTimeSeconds();
        }

        return sum;
    }

    [Benchmark]
    public long ViaCatalogue()
    {
        long sum = 0;
        for (var i = 0; i < Bars; i++)
        {
            sum += Timeframe.H1.BucketStart(Start + (i * 61L));
        }

        return sum;
    }
}
