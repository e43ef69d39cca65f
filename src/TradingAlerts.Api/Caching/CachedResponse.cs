namespace TradingAlerts.Api.Caching;

/// <summary>What the response cache holds: a body of one grain version, and its exact size for the budget.</summary>
internal interface ICachedResponse
{
    long Version { get; }

    /// <summary>The bytes of the arrays it holds.</summary>
    long Bytes { get; }

    /// <summary>Whether it is the answer at <paramref name="version"/> for <paramref name="limit"/>.</summary>
    bool Serves(long version, int limit);
}

/// <summary>A serialized body that answers only its own version (the current confluence).</summary>
internal sealed record CachedJson(long Version, byte[] Body) : ICachedResponse
{
    public long Bytes => Body.Length;

    public bool Serves(long version, int limit) => version == Version;
}
