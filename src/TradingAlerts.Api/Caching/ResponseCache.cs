using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using TradingAlerts.Api.Observability;

namespace TradingAlerts.Api.Caching;

/// <summary>
/// Serialized responses, one per resource (e.g. (pair, tier) or a symbol), each holding the grain version it was
/// built from: a new version replaces the old entry, so superseded versions never pile up, and a body is only ever
/// served for its own version. The total is bounded by a byte budget (<see cref="ResponseCacheOptions.SizeLimitBytes"/>):
/// an entry that would exceed it is refused and the least recently used are compacted away; under memory pressure
/// <see cref="ResponseCachePressure"/> empties it. Polling clients then cost one version check instead of a copy of
/// grain state and a serialization of up to megabytes of JSON.
/// </summary>
internal sealed class ResponseCache : IDisposable
{
    /// <summary>An entry nobody asked for this long goes without waiting for the budget.</summary>
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(2);

    private readonly MemoryCache _cache;
    private readonly SiloMetrics? _metrics;
    private readonly PostEvictionCallbackRegistration _evicted;
    private long _capacityEvictions;
    private long _idleEvictions;
    private long _pressureCompactions;

    public ResponseCache(IOptions<ResponseCacheOptions> options, SiloMetrics? metrics = null)
    {
        BudgetBytes = options.Value.SizeLimitBytes;
        _metrics = metrics;
        // Sizes are bytes, so the cache's own size accounting is the exact total it holds against the budget.
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = BudgetBytes, TrackStatistics = true });
        _evicted = new PostEvictionCallbackRegistration { EvictionCallback = OnEvicted };
    }

    public long BudgetBytes { get; }

    /// <summary>Bytes held now (the sum of the entries' <see cref="ICachedResponse.Bytes"/>); never above the budget.</summary>
    public long HeldBytes => _cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public int Entries => _cache.Count;

    /// <summary>Entries evicted or refused for the budget (including memory-pressure compactions).</summary>
    public long CapacityEvictions => Interlocked.Read(ref _capacityEvictions);

    /// <summary>Entries removed after <see cref="Idle"/> without a request.</summary>
    public long IdleEvictions => Interlocked.Read(ref _idleEvictions);

    public long PressureCompactions => Interlocked.Read(ref _pressureCompactions);

    /// <param name="key">A value-equal key (a record struct) naming the resource; the version is checked on the value.</param>
    public bool TryGet<TKey, TValue>(TKey key, long version, int limit, [NotNullWhen(true)] out TValue? value)
        where TKey : struct
        where TValue : class, ICachedResponse
    {
        value = _cache.TryGetValue(key, out var held) && held is TValue v && v.Serves(version, limit) ? v : null;
        _metrics?.CacheLookup(value is not null);
        return value is not null;
    }

    public void Set<TKey>(TKey key, ICachedResponse value)
        where TKey : struct
    {
        if (_cache.TryGetValue(key, out var held) && held is ICachedResponse newer && newer.Version > value.Version)
        {
            return; // a slower request built an older version: keep the newer one
        }

        var entry = new MemoryCacheEntryOptions { Size = value.Bytes, SlidingExpiration = Idle };
        entry.PostEvictionCallbacks.Add(_evicted);
        _cache.Set(key, value, entry);
    }

    /// <summary>Drops every entry (memory pressure); returns the bytes it held.</summary>
    public long Clear()
    {
        var held = HeldBytes;
        Interlocked.Increment(ref _pressureCompactions);
        _cache.Compact(1.0);
        return held;
    }

    /// <summary>Removes idle entries now (the cache itself only scans for them when it is used).</summary>
    public void RemoveIdle() => _cache.Compact(0.0);

    private void OnEvicted(object key, object? value, EvictionReason reason, object? state)
    {
        if (reason is EvictionReason.Capacity)
        {
            Interlocked.Increment(ref _capacityEvictions);
        }
        else if (reason is EvictionReason.Expired)
        {
            Interlocked.Increment(ref _idleEvictions);
        }
    }

    public void Dispose() => _cache.Dispose();
}
