using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using TradingAlerts.Api.Errors;

namespace TradingAlerts.Api.Resilience;

/// <summary>
/// The retry of an API read whose grain call failed because the grid could not answer for a moment (a silo stopping,
/// just died, or not reachable: <see cref="DependencyFailure"/> of the grid, which covers
/// <c>SiloUnavailableException</c>, <c>OrleansMessageRejectionException</c> and a grain call's <c>TimeoutException</c>),
/// as long as nothing of the response has been sent. The retried call finds the grain re-activated on a live silo; when
/// the grid stays away, the last failure reaches the exception handler, which answers 503 with Retry-After.
/// PostgreSQL failures are not retried here: they are an outage the 503 reports at once.
/// </summary>
internal sealed partial class GridRetry
{
    private static readonly ResiliencePropertyKey<HttpContext> Http = new("http");
    private static readonly ResiliencePropertyKey<long> Started = new("started");
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger<GridRetry> _logger;
    private readonly TimeProvider _time;

    public GridRetry(IOptions<GridRetryOptions> options, ILogger<GridRetry> logger, TimeProvider time)
    {
        _logger = logger;
        _time = time;
        var settings = options.Value;
        _pipeline = settings.MaxRetries == 0 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetries,
                Delay = settings.Delay,
                MaxDelay = settings.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsRetryable(e)
                    && args.Context.Properties.TryGetValue(Http, out var http) && !http.Response.HasStarted
                    && !http.RequestAborted.IsCancellationRequested
                    && args.Context.Properties.TryGetValue(Started, out var started) && time.GetElapsedTime(started) < settings.Budget),
                OnRetry = args =>
                {
                    if (args.Context.Properties.TryGetValue(Http, out var http) && args.Outcome.Exception is { } failure)
                    {
                        LogRetrying(_logger, http.Request.Method, http.Request.Path, args.AttemptNumber + 2, failure.Message);
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>A failure of the grid (not of PostgreSQL, not a fault): worth another attempt.</summary>
    public static bool IsRetryable(Exception exception) => DependencyFailure.Of(exception) is { Dependency: DependencyFailure.Grid };

    public async ValueTask<object?> RunAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var resilience = ResilienceContextPool.Shared.Get(context.HttpContext.RequestAborted);
        resilience.Properties.Set(Http, context.HttpContext);
        resilience.Properties.Set(Started, _time.GetTimestamp());
        try
        {
            return await _pipeline.ExecuteAsync(static (_, state) => state.next(state.context), resilience, (next, context));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilience);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path}: the grid could not answer, attempt {Attempt} next ({Cause})")]
    private static partial void LogRetrying(ILogger logger, string method, PathString path, int attempt, string cause);
}
