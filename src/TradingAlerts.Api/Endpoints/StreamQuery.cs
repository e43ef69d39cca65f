using System.Globalization;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Api.Errors;
using TradingAlerts.Api.Live;

namespace TradingAlerts.Api.Endpoints;

/// <summary>
/// The query of <c>GET /api/stream?pairs=EURUSD/M5,EURUSD/H1&amp;confluence=EURUSD</c>, checked as the per-pair routes
/// check theirs: unknown names 400, above the caller's tier 403, more than the configured maximum 400; <c>*</c> is
/// everything the caller's tier may see.
/// </summary>
internal static class StreamQuery
{
    public const string All = "*";

    /// <summary>The selection, or the error answer (the usual envelopes) before the stream opens.</summary>
    public static StreamSelection? TryParse(string? pairs, string? confluence, Tier tier, int maxItems, out IResult? error)
    {
        error = null;
        var selectedPairs = new List<Pair>();
        foreach (var item in Items(pairs))
        {
            if (item == All)
            {
                selectedPairs.AddRange(Pair.All.Where(p => TierAccess.CanAccess(tier, p.Symbol, p.Timeframe)));
                continue;
            }

            if (!Pair.TryParseKey(item, out var pair))
            {
                error = ApiError.BadRequest($"Invalid pair: {item} (expected SYMBOL/TIMEFRAME, e.g. EURUSD/H1)");
                return null;
            }

            if (!TierAccess.CanAccess(tier, pair.Value.Symbol, pair.Value.Timeframe))
            {
                error = ApiError.UpgradeRequired($"{pair.Value.Symbol} {pair.Value.Timeframe.Name()} requires the PRO tier", CallerTier.Name(tier));
                return null;
            }

            selectedPairs.Add(pair.Value);
        }

        var symbols = new List<string>();
        foreach (var item in Items(confluence))
        {
            var symbol = item.ToUpperInvariant();
            if (symbol != All && !Symbols.IsKnown(symbol))
            {
                error = ApiError.BadRequest($"Invalid symbol: {item}");
                return null;
            }

            if (!TierAccess.CanUseConfluence(tier))
            {
                error = ApiError.UpgradeRequired("Confluence requires the PRO tier", CallerTier.Name(tier));
                return null;
            }

            if (symbol == All)
            {
                symbols.AddRange(Symbols.All);
            }
            else
            {
                symbols.Add(symbol);
            }
        }

        var selection = new StreamSelection(selectedPairs, symbols);
        if (selection.Count == 0)
        {
            error = ApiError.BadRequest("Nothing to stream: name pairs (pairs=EURUSD/H1,…) and/or confluence symbols (confluence=EURUSD,…)");
            return null;
        }

        if (selection.Count > maxItems)
        {
            error = ApiError.BadRequest(string.Create(CultureInfo.InvariantCulture,
                $"Too many items in one stream: {selection.Count} (pairs and confluence symbols); at most {maxItems}"));
            return null;
        }

        return selection;
    }

    private static string[] Items(string? list) =>
        (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
