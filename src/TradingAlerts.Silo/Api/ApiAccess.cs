using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Silo.Api;

/// <summary>
/// The route checks every endpoint shares (GET and stream alike): names from the catalogue only, then the
/// caller's tier. Each returns the error to answer, or null/true when the request may go on.
/// </summary>
internal static class ApiAccess
{
    public static bool TryParseSymbol(string symbol, out string upper, out IResult? error)
    {
        upper = symbol.Trim().ToUpperInvariant();
        error = Symbols.IsKnown(upper) ? null : ApiError.BadRequest($"Invalid symbol: {symbol}");
        return error is null;
    }

    public static bool TryParsePair(string symbol, string timeframe, out Pair pair, out IResult? error)
    {
        pair = default;
        if (!TryParseSymbol(symbol, out var upper, out error))
        {
            return false;
        }

        if (!Timeframes.TryParse(timeframe, out var tf))
        {
            error = ApiError.BadRequest($"Invalid timeframe: {timeframe}");
            return false;
        }

        pair = new Pair(upper, tf);
        return true;
    }

    public static IResult? PairDenied(Tier tier, Pair pair) =>
        TierAccess.CanAccess(tier, pair.Symbol, pair.Timeframe)
            ? null
            : ApiError.UpgradeRequired($"{pair.Symbol} {pair.Timeframe.Name()} requires the PRO tier", CallerTier.Name(tier));

    public static IResult? ConfluenceDenied(Tier tier) =>
        TierAccess.CanUseConfluence(tier) ? null : ApiError.UpgradeRequired("Confluence requires the PRO tier", CallerTier.Name(tier));
}
