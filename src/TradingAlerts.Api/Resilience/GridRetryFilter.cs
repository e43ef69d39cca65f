using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using TradingAlerts.Api.Errors;

namespace TradingAlerts.Api.Resilience;

/// <summary>
/// Runs an API handler again when it failed only because the grid could not answer for a moment (a silo stopping,
/// just died, or not reachable: <see cref="DependencyFailure"/> of the grid), as long as nothing of the response has
/// been sent. The retried call finds the grain re-activated on a live silo; when the grid stays away, the last
/// failure reaches the exception handler, which answers 503 with Retry-After. PostgreSQL failures are not retried
/// here: they are an outage the 503 reports at once.
/// </summary>
internal sealed partial class GridRetryFilter : IEndpointFilter
{
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger<GridRetryFilter> _logger;

    public GridRetryFilter(IOptions<GridRetryOptions> options, ILogger<GridRetryFilter> logger, TimeProvider? time = null)
    {
        _logger = logger;
        var settings = options.Value;
        _pipeline = settings.MaxRetries == 0 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder { TimeProvider = time ?? TimeProvider.System }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetries,
                Delay = settings.Delay,
                MaxDelay = settings.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e
                    && DependencyFailure.Of(e) is { Dependency: DependencyFailure.Grid }
                    && args.Context.Properties.TryGetValue(Http, out var http) && !http.Response.HasStarted
                    && !http.RequestAborted.IsCancellationRequested),
                OnRetry = args =>
                {
                    if (args.Context.Properties.TryGetValue(Http, out var http) && args.Outcome.Exception is { } failure)
                    {
                        LogRetrying(_logger, http.Request.Method, http.Request.Path, args.AttemptNumber + 1, failure.Message);
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    private static readonly ResiliencePropertyKey<HttpContext> Http = new("http");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var resilience = ResilienceContextPool.Shared.Get(context.HttpContext.RequestAborted);
        resilience.Properties.Set(Http, context.HttpContext);
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
