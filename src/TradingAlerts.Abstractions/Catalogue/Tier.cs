namespace TradingAlerts.Abstractions.Catalogue;

/// <summary>Subscription tier carried by the caller's token (claim <c>tier</c>); no token means FREE.</summary>
public enum Tier
{
    Free,
    Pro,
}
