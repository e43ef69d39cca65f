using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.Ingest;

/// <summary>How a symbol loop retries a failed poll step, and what it forgets and reports before it does.</summary>
public sealed partial class IngestAgent
{
    /// <summary>
    /// Retries a failed step for ever, with exponential back-off and jitter; while the file itself is at fault only up to
    /// <see cref="IngestOptions.MaxFileFaultBackoff"/>, so a file that is fine again is read again within seconds.
    /// </summary>
    private ResiliencePipeline Retry(SymbolTail tail, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        return new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.FirstBackoff,
                MaxDelay = settings.MaxBackoff,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is CollectorFileException
                    ? TimeSpan.FromTicks(Math.Min(settings.MaxFileFaultBackoff.Ticks, settings.FirstBackoff.Ticks << Math.Min(args.AttemptNumber, 20)))
                    : (TimeSpan?)null),
                OnRetry = args =>
                {
                    Failed(tail, args.Outcome.Exception, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>A failed step, before its retry: forget what the step relied on, ask for a check if the file may be damaged, report.</summary>
    private void Failed(SymbolTail tail, Exception? error, TimeSpan retryDelay)
    {
        var (file, symbol) = (tail.File, tail.Symbol);
        tail.Cursor = null; // ask the grain again: it knows what is durable
        tail.Seen = null; // and read the file, whatever its stat says
        var fault = (error as CollectorFileException)?.Fault;
        if (fault is CollectorFileFault.Corrupt or CollectorFileFault.IoError)
        {
            file.RequestIntegrityCheck();
        }

        var message = error?.Message ?? "failed";
        metrics.Failures.Add(1, IngestMetrics.Tags(file.Path, symbol));
        status.Failed(file.Path, symbol, message, clock.GetUtcNow(), fault switch
        {
            CollectorFileFault.Blocked => IngestSymbolStatus.Blocked,
            CollectorFileFault.Corrupt => IngestSymbolStatus.Corrupt,
            _ => null,
        });
        // A fault that persists (a file locked for minutes) is logged when it starts or changes, not at every retry.
        if (!string.Equals(message, tail.LoggedError, StringComparison.Ordinal))
        {
            LogRetry(logger, symbol, file.Path, retryDelay, message);
            tail.LoggedError = message;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest {Symbol} from {Source} failed, retrying in {Delay}: {Error}")]
    private static partial void LogRetry(ILogger logger, string symbol, string source, TimeSpan delay, string? error);
}
