namespace TradingAlerts.TestSupport;

/// <summary>
/// The one bounded polling loop of the tests: for effects that arrive asynchronously (one-way grain calls,
/// an agent polling a file, a silo starting). The condition is checked first and once more at the bound;
/// a wait that runs out fails with a message naming what it waited for.
/// </summary>
public static class Eventually
{
    /// <summary>Pause between checks unless a caller says otherwise.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Polls until <paramref name="condition"/> holds; a <see cref="TimeoutException"/> naming <paramref name="what"/> (plus <paramref name="detail"/>) after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(
        string what, Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? interval = null,
        Func<Task<string>>? detail = null, CancellationToken cancellationToken = default)
    {
        if (!await PollAsync(condition, c => c, timeout, interval, cancellationToken))
        {
            throw await TimedOut(what, timeout, detail);
        }
    }

    /// <inheritdoc cref="UntilAsync(string, Func{Task{bool}}, TimeSpan, TimeSpan?, Func{Task{string}}?, CancellationToken)"/>
    public static Task UntilAsync(
        string what, Func<bool> condition, TimeSpan timeout, TimeSpan? interval = null,
        Func<Task<string>>? detail = null, CancellationToken cancellationToken = default) =>
        UntilAsync(what, () => Task.FromResult(condition()), timeout, interval, detail, cancellationToken);

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> holds for its value and returns that value; a <see cref="TimeoutException"/> naming <paramref name="what"/> and the last value after <paramref name="timeout"/>.</summary>
    public static async Task<T> UntilAsync<T>(
        string what, Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, TimeSpan? interval = null,
        CancellationToken cancellationToken = default)
    {
        var last = default(T);
        return await PollAsync(async () => last = await probe(), done, timeout, interval, cancellationToken)
            ? last!
            : throw await TimedOut(what, timeout, () => Task.FromResult($"last seen: {last}"));
    }

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> holds or <paramref name="timeout"/> passes, and returns the last value either way, for a caller that asserts on it.</summary>
    public static async Task<T> LastAsync<T>(
        Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, TimeSpan? interval = null,
        CancellationToken cancellationToken = default)
    {
        var last = default(T);
        await PollAsync(async () => last = await probe(), done, timeout, interval, cancellationToken);
        return last!;
    }

    private static async Task<bool> PollAsync<T>(
        Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, TimeSpan? interval, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (done(await probe()))
            {
                return true;
            }

            var left = timeout - TimeProvider.System.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            var pause = interval ?? DefaultInterval;
            await Task.Delay(pause < left ? pause : left, cancellationToken);
        }
    }

    private static async Task<TimeoutException> TimedOut(string what, TimeSpan timeout, Func<Task<string>>? detail)
    {
        var more = detail is null ? string.Empty : Environment.NewLine + await detail();
        return new TimeoutException($"Timed out after {timeout} waiting for {what}.{more}");
    }
}
