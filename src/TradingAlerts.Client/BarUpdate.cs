using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Client;

/// <summary>Changes of one pair a TimeframeGrain accepted (new bars, the forming bar rewritten, late bars), ordered by position.</summary>
public sealed record BarUpdate(Pair Pair, PairChanges Changes)
{
    /// <summary>The versions with their positions and closed flags.</summary>
    public IReadOnlyList<BarVersion> Versions => Changes.Bars;

    /// <summary>The bars of <see cref="Versions"/>, in the same order.</summary>
    public IReadOnlyList<BarRecord> Bars => [.. Changes.Bars.Select(v => v.Bar)];
}
