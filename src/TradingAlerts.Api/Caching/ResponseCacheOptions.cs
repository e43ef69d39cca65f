using System.ComponentModel.DataAnnotations;

namespace TradingAlerts.Api.Caching;

/// <summary>Bounds the per-silo cache of serialized responses (section "Api:ResponseCache"; docs/memory.md).</summary>
public sealed class ResponseCacheOptions
{
    public const string Section = "Api:ResponseCache";

    /// <summary>
    /// The most bytes of cached responses a silo holds (their exact lengths, with the indicators' slice index);
    /// the least recently used go first. 0 turns caching off.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long SizeLimitBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Resident bytes of the process at which the cache is emptied (checked every <see cref="PressureCheckInterval"/>);
    /// 0 = only when the GC reports high memory load (by default 90% of the container's memory limit).
    /// </summary>
    [Range(0, long.MaxValue)]
    public long ProcessMemoryLimitBytes { get; set; }

    /// <summary>How often memory pressure is checked.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan PressureCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}
