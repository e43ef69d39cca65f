using System.Collections.Concurrent;
using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Benchmarks.Rolling;

/// <summary>What one phase of the rolling benchmark saw: the read load's answers, stream gaps, silo log lines.</summary>
internal sealed class PhaseStats(string name)
{
    /// <summary>Indicators bodies kept per phase to compare with PostgreSQL at the end (bounded: the comparison is a sample).</summary>
    private const int MaxSamples = 400;

    private readonly Lock _lock = new();
    private readonly List<double> _latencies = [];
    private long _sent;
    private long _failed;
    private long _limited;
    private long _warnings;
    private long _noActivation;
    private long _skipped;

    public string Name { get; } = name;

    public long Sent => Interlocked.Read(ref _sent);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>429s: allowed by the targets (a quota answer, not a failure).</summary>
    public long Limited => Interlocked.Read(ref _limited);

    /// <summary>Requests not sent because the in-flight bound was reached (the grid fell behind the offered rate).</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>warn/fail/crit lines the silos printed during the phase.</summary>
    public long Warnings => Interlocked.Read(ref _warnings);

    /// <summary>Lines of Orleans' "No activation for client" (the log flood after a silo's death).</summary>
    public long NoActivation => Interlocked.Read(ref _noActivation);

    /// <summary>Some failures as text, for the report.</summary>
    public ConcurrentQueue<string> Failures { get; } = new();

    public ConcurrentQueue<(Pair Pair, JsonElement Body)> Samples { get; } = new();

    /// <summary>Filled in at the end: closed bars compared and those that differ from PostgreSQL.</summary>
    public int Compared { get; set; }

    public List<string> Wrong { get; } = [];

    /// <summary>Longest time any stream client went without a bar or confluence event during the phase.</summary>
    public TimeSpan MaxStreamGap { get; private set; }

    /// <summary>Stream clients whose mirror recorded a hole or a repeated position during the phase.</summary>
    public int StreamHoles { get; set; }

    /// <summary>Gaps above the stall threshold: client, length, the connection before and after.</summary>
    public ConcurrentQueue<string> Stalls { get; } = new();

    /// <summary>SIGKILL phase: time from the kill until every pair was served again through the load balancer.</summary>
    public TimeSpan? AllServedAfter { get; set; }

    public List<string> Notes { get; } = [];

    public void Record(int status, double milliseconds, string what)
    {
        Interlocked.Increment(ref _sent);
        if (status == 429)
        {
            Interlocked.Increment(ref _limited);
        }
        else if (status is not ((>= 200 and < 300) or 304))
        {
            Interlocked.Increment(ref _failed);
            if (Failures.Count < 20)
            {
                Failures.Enqueue($"{status} {what}");
            }
        }

        lock (_lock)
        {
            _latencies.Add(milliseconds);
        }
    }

    public void Skip() => Interlocked.Increment(ref _skipped);

    public bool WantsSample => Samples.Count < MaxSamples;

    public void Gap(TimeSpan gap)
    {
        lock (_lock)
        {
            MaxStreamGap = gap > MaxStreamGap ? gap : MaxStreamGap;
        }
    }

    public void Line(string line)
    {
        if (line.Contains(" warn: ", StringComparison.Ordinal) || line.Contains(" fail: ", StringComparison.Ordinal) || line.Contains(" crit: ", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _warnings);
        }

        if (line.Contains("No activation for client", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _noActivation);
        }
    }

    /// <summary>The latency at <paramref name="quantile"/> (0..1) in milliseconds; NaN without requests.</summary>
    public double Latency(double quantile)
    {
        lock (_lock)
        {
            if (_latencies.Count == 0)
            {
                return double.NaN;
            }

            var sorted = _latencies.Order().ToArray();
            return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
        }
    }
}
