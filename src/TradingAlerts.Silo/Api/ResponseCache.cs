using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using TradingAlerts.Silo.Observability;

namespace TradingAlerts.Silo.Api;

/// <summary>Bounds the per-silo cache of serialized indicator responses.</summary>
public sealed class ResponseCacheOptions
{
    public const string Section = "Api:ResponseCache";

    /// <summary>Total bytes of cached responses per silo; the least recently used go first.</summary>
    public long SizeLimitBytes { get; set; } = 256L * 1024 * 1024;
}

/// <summary>
/// Serialized responses keyed by what they were built from, always including a grain's version, e.g.
/// (pair, limit, tier, version). A version changes with every change of the grain's state, so an entry can
/// never be stale: a new version is simply a new key, and the old one ages out. Polling clients then cost
/// one version check instead of a copy of grain state and a serialization of up to megabytes of JSON.
/// </summary>
internal sealed class ResponseCache(IOptions<ResponseCacheOptions> options, SiloMetrics? metrics = null) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.SizeLimitBytes });

    /// <param name="key">A value-equal key (a record struct) that includes the grain version.</param>
    public bool TryGet<TKey>(TKey key, out byte[] body)
        where TKey : struct
    {
        var hit = _cache.TryGetValue(key, out body!);
        metrics?.CacheLookup(hit);
        return hit;
    }

    public void Set<TKey>(TKey key, byte[] body)
        where TKey : struct =>
        _cache.Set(key, body, new MemoryCacheEntryOptions
        {
            Size = body.Length,
            // Superseded versions are never asked for again; let them go soon rather than wait for pressure.
            SlidingExpiration = TimeSpan.FromMinutes(2),
        });

    public void Dispose() => _cache.Dispose();
}
