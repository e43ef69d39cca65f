namespace TradingAlerts.Ingest;

/// <summary>
/// Wakes a file's idle symbol loops when the file changed. A loop notes <see cref="Count"/> before it looks at the file
/// and waits with that number: notifications that arrived while it looked wake it at once, however many there were, so
/// a burst of them (a commit writes many WAL frames) costs one more round, not one round each.
/// </summary>
internal sealed class FileChangeSignal
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _waiting;
    private long _count;
    private long _replacements;

    /// <summary>Notifications so far.</summary>
    public long Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>
    /// Notifications that the file or its WAL was created, deleted or renamed: the file at the path may be another one
    /// now (restored, recreated), whatever its size and times say, so a loop reads instead of trusting its change check.
    /// </summary>
    public long Replacements
    {
        get
        {
            lock (_lock)
            {
                return _replacements;
            }
        }
    }

    public void Raise(bool replaced)
    {
        TaskCompletionSource? wake;
        lock (_lock)
        {
            _count++;
            if (replaced)
            {
                _replacements++;
            }

            // Only a waiter costs an allocation: the many notifications of a burst while everyone reads cost a count each.
            (wake, _waiting) = (_waiting, null);
        }

        wake?.TrySetResult();
    }

    /// <summary>True once a notification after <paramref name="seen"/> arrived (at once when one already did); false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitAsync(long seen, TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        Task raised;
        lock (_lock)
        {
            if (_count != seen)
            {
                return true;
            }

            raised = (_waiting ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }

        await raised.WaitAsync(timeout, clock, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();
        return raised.IsCompleted;
    }
}
