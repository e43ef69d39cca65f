using System.Collections.Frozen;

namespace TradingAlerts.Abstractions.Catalogue;

/// <summary>What each tier may see (docs/architecture.md#tiers).</summary>
public static class TierAccess
{
    /// <summary>Symbols open to FREE callers.</summary>
    public static IReadOnlyList<string> FreeSymbols { get; } = ["BTCUSD", "EURUSD", "USDJPY", "US30", "XAUUSD"];

    /// <summary>Timeframes open to FREE callers.</summary>
    public static IReadOnlyList<Timeframe> FreeTimeframes { get; } = [Timeframe.H1, Timeframe.H4, Timeframe.D1];

    /// <summary>Default requests per hour for FREE callers (configurable at the API).</summary>
    public const int DefaultFreeRequestsPerHour = 60;

    /// <summary>Default requests per hour for PRO callers (configurable at the API).</summary>
    public const int DefaultProRequestsPerHour = 300;

    private static readonly FrozenSet<string> FreeSymbolSet = FreeSymbols.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<Timeframe> FreeTimeframeSet = FreeTimeframes.ToFrozenSet();

    /// <summary>True when the tier may read bars of this catalogue symbol.</summary>
    public static bool CanAccessSymbol(Tier tier, string symbol) =>
        Symbols.IsKnown(symbol) && (tier == Tier.Pro || FreeSymbolSet.Contains(symbol));

    /// <summary>True when the tier may read bars of this timeframe.</summary>
    public static bool CanAccessTimeframe(Tier tier, Timeframe timeframe) =>
        Timeframes.IsDefined(timeframe) && (tier == Tier.Pro || FreeTimeframeSet.Contains(timeframe));

    /// <summary>True when the tier may read the pair.</summary>
    public static bool CanAccess(Tier tier, string symbol, Timeframe timeframe) =>
        CanAccessSymbol(tier, symbol) && CanAccessTimeframe(tier, timeframe);

    /// <summary>True when the tier receives this indicator column filled (FREE gets PRO-only ones empty).</summary>
    public static bool CanSeeIndicator(Tier tier, IndicatorColumn column) => tier == Tier.Pro || !column.ProOnly;

    /// <summary>The confluence endpoint is PRO only.</summary>
    public static bool CanUseConfluence(Tier tier) => tier == Tier.Pro;

    /// <summary>Parses a <c>tier</c> claim value; anything but PRO (case-insensitive) is FREE.</summary>
    public static Tier ParseClaim(string? claim) =>
        string.Equals(claim?.Trim(), "PRO", StringComparison.OrdinalIgnoreCase) ? Tier.Pro : Tier.Free;
}
