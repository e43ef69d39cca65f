using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Api.Errors;

namespace TradingAlerts.Api.Endpoints;

/// <summary>A pair route after its checks: the catalogue pair and the caller's tier, which may read it.</summary>
internal sealed record CheckedPair(Pair Pair, Tier Tier);

/// <summary>A confluence route after its checks: the catalogue symbol, for a caller whose tier includes confluence.</summary>
internal sealed record CheckedSymbol(string Symbol, Tier Tier);

/// <summary>
/// The checks every route naming a pair or a confluence symbol shares (GET and stream alike), as one endpoint
/// filter: the route values against the catalogue (400), then the caller's tier (403). The handler runs only
/// when both pass and reads what they established with <see cref="Checked{T}"/>.
/// </summary>
internal static class ApiAccess
{
    /// <summary><c>{symbol}/{timeframe}</c>: a catalogue pair the caller's tier may read.</summary>
    public static RouteHandlerBuilder RequirePairAccess(this RouteHandlerBuilder route) =>
        route.AddEndpointFilter(new Filter(requirePair: true)).Checks();

    /// <summary><c>{symbol}</c> of a confluence route: a catalogue symbol, and a tier that includes confluence (PRO).</summary>
    public static RouteHandlerBuilder RequireConfluenceAccess(this RouteHandlerBuilder route) =>
        route.AddEndpointFilter(new Filter(requirePair: false)).Checks();

    /// <summary>What the route's filter established; only in handlers of routes that have it.</summary>
    public static T Checked<T>(this HttpContext context)
        where T : class =>
        context.Items[typeof(T)] as T ?? throw new InvalidOperationException($"{typeof(T).Name}: the route has no access filter");

    /// <summary>The answers the filter itself gives, in the OpenAPI document beside the handler's own.</summary>
    private static RouteHandlerBuilder Checks(this RouteHandlerBuilder route) =>
        route.Produces<ApiErrorBody>(StatusCodes.Status400BadRequest).Produces<UpgradeRequiredBody>(StatusCodes.Status403Forbidden);

    private sealed class Filter(bool requirePair) : IEndpointFilter
    {
        public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
        {
            var context = invocation.HttpContext;
            var symbol = context.GetRouteValue("symbol") as string ?? string.Empty;
            var upper = symbol.Trim().ToUpperInvariant();
            if (!Symbols.IsKnown(upper))
            {
                return Answer(ApiError.BadRequest($"Invalid symbol: {symbol}"));
            }

            var tier = CallerTier.Of(context.User);
            if (requirePair)
            {
                var timeframe = context.GetRouteValue("timeframe") as string ?? string.Empty;
                if (!Timeframes.TryParse(timeframe, out var tf))
                {
                    return Answer(ApiError.BadRequest($"Invalid timeframe: {timeframe}"));
                }

                if (!TierAccess.CanAccess(tier, upper, tf))
                {
                    return Answer(ApiError.UpgradeRequired($"{upper} {tf.Name()} requires the PRO tier", CallerTier.Name(tier)));
                }

                context.Items[typeof(CheckedPair)] = new CheckedPair(new Pair(upper, tf), tier);
            }
            else
            {
                if (!TierAccess.CanUseConfluence(tier))
                {
                    return Answer(ApiError.UpgradeRequired("Confluence requires the PRO tier", CallerTier.Name(tier)));
                }

                context.Items[typeof(CheckedSymbol)] = new CheckedSymbol(upper, tier);
            }

            return next(invocation);
        }

        private static ValueTask<object?> Answer(IResult result) => ValueTask.FromResult<object?>(result);
    }
}
