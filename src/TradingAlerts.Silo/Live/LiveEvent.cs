using System.Net.ServerSentEvents;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Silo.Live;

/// <summary>One event for every client of a topic, rendered at most once per tier (FREE sees PRO-only indicators empty).</summary>
internal sealed class LiveEvent(string type, Func<Tier, byte[]> render)
{
    private byte[]? _pro;
    private byte[]? _free;

    /// <summary>Called by the topic's pump only, so the cache needs no lock.</summary>
    public SseItem<byte[]> For(Tier tier) =>
        new(tier == Tier.Pro ? _pro ??= render(Tier.Pro) : _free ??= render(Tier.Free), type);
}
