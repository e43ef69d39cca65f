namespace TradingAlerts.Api.Resilience;

/// <summary>
/// The <c>/api</c> group's filter: runs the endpoint (and its own filters) through <see cref="GridRetry"/>, so a read
/// that failed only because a silo is stopping or just died is tried again before anything is answered. Endpoint
/// filters are created per request; the pipeline they share is the singleton.
/// </summary>
internal sealed class GridRetryFilter(GridRetry retry) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) => retry.RunAsync(context, next);
}
