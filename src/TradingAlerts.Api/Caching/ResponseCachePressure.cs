using System.Runtime;
using Microsoft.Extensions.Options;

namespace TradingAlerts.Api.Caching;

/// <summary>
/// Empties the response cache when memory is short: the GC reports a memory load at or above its high-load threshold
/// (in a container, by default 90% of the memory limit), or the process is resident at or above
/// <see cref="ResponseCacheOptions.ProcessMemoryLimitBytes"/>. Any body is rebuilt from grain state on the next
/// request, which costs milliseconds; an OOM kill costs the silo. The cache's bodies are large objects, so the next
/// full collection is asked to compact the large-object heap too, and the freed space is not left in holes.
/// </summary>
internal sealed partial class ResponseCachePressure(
    ResponseCache cache, IOptions<ResponseCacheOptions> options, TimeProvider clock, ILogger<ResponseCachePressure> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PressureCheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (Pressure(options.Value.ProcessMemoryLimitBytes) is { } reason)
            {
                if (cache.Entries > 0)
                {
                    var freed = cache.Clear();
                    GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                    Emptied(logger, freed / 1_048_576.0, reason);
                }
            }
            else
            {
                cache.RemoveIdle();
            }
        }
    }

    /// <summary>Why memory is short now, or null.</summary>
    internal static string? Pressure(long processLimit)
    {
        var gc = GC.GetGCMemoryInfo();
        if (gc.HighMemoryLoadThresholdBytes > 0 && gc.MemoryLoadBytes >= gc.HighMemoryLoadThresholdBytes)
        {
            return $"the GC reports a memory load of {gc.MemoryLoadBytes / 1_048_576} MB, at or above its high-load threshold of {gc.HighMemoryLoadThresholdBytes / 1_048_576} MB";
        }

        var resident = Environment.WorkingSet;
        return processLimit > 0 && resident >= processLimit
            ? $"the process is resident at {resident / 1_048_576} MB, at or above Api:ResponseCache:ProcessMemoryLimitBytes ({processLimit / 1_048_576} MB)"
            : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Response cache emptied ({FreedMb:0.0} MB) under memory pressure: {Reason}")]
    private static partial void Emptied(ILogger logger, double freedMb, string reason);
}
