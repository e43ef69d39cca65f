namespace TradingAlerts.Ingest;

/// <summary>
/// How a symbol loop waits between passes. With notifications it sleeps until its file or WAL changes (or
/// <see cref="IngestOptions.FallbackPollInterval"/> passes) and then reads only if the file's stat changed, so an idle
/// file costs a stat per wake instead of two opens per symbol per poll. Without them it polls every
/// <see cref="IngestOptions.PollInterval"/> and reads each time, as before.
/// </summary>
public sealed partial class IngestAgent
{
    /// <summary>
    /// After a notification, the pause before looking: a commit writes its WAL frames in one burst and is readable only
    /// after its last, so the round that follows finds the whole commit instead of waking again for its later frames.
    /// </summary>
    private static readonly TimeSpan CoalesceWindow = TimeSpan.FromMilliseconds(2);

    /// <summary>One symbol of one file: passes until stopped, waiting for a change whenever a pass found nothing new.</summary>
    private async Task TailAsync(SymbolTail tail, CancellationToken stoppingToken)
    {
        var quarantine = tail.File.Quarantine;
        status.RecordQuarantine(tail.File.Path, quarantine.Path, quarantine.Count, tail.Symbol, quarantine.CountOf(tail.Symbol));
        var pipeline = Retry(tail, stoppingToken);
        var wake = Wake.Start;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Taken before the pass: a notification during it wakes the wait below at once.
                var notices = tail.File.Changes.Count;
                var current = wake;
                var step = await pipeline.ExecuteAsync(token => StepAsync(tail, current, token), stoppingToken).ConfigureAwait(false);
                wake = step == Step.Moved ? Wake.Start : await WaitAsync(tail, notices, step, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>A pass: skipped when the file's stat says nothing changed since the last pass found nothing; else a poll step.</summary>
    private async ValueTask<Step> StepAsync(SymbolTail tail, Wake wake, CancellationToken token)
    {
        var file = tail.File;
        var replacements = file.Changes.Replacements;
        var signature = file.Signature();
        if (file.Notified && tail.Seen is { Settled: true } seen && seen.Signature == signature && replacements == tail.SeenReplacements
            && !(wake == Wake.Fallback && file.TryClaimProbe(clock, options.Value.FallbackPollInterval)))
        {
            status.Succeeded(file.Path, tail.Symbol, tail.Cursor!.Value, [], clock.GetUtcNow());
            return Step.Idle;
        }

        metrics.Reads.Add(1, IngestMetrics.FileTags(file.Path));
        var step = await PollOnceAsync(tail, token).ConfigureAwait(false);
        // The signature from before the read: a commit during the read changes the file's, and the next wake reads it.
        tail.Seen = step == Step.Idle ? (signature, signature.SettledAt(clock.GetUtcNow())) : null;
        tail.SeenReplacements = replacements;
        return step;
    }

    private async Task<Wake> WaitAsync(SymbolTail tail, long notices, Step step, CancellationToken stoppingToken)
    {
        var (file, settings) = (tail.File, options.Value);
        Wake wake;
        if (!file.Notified || step == Step.Undecided)
        {
            await Task.Delay(settings.PollInterval, clock, stoppingToken).ConfigureAwait(false);
            wake = Wake.Poll;
        }
        else if (await file.Changes.WaitAsync(notices, settings.FallbackPollInterval, clock, stoppingToken).ConfigureAwait(false))
        {
            await Task.Delay(CoalesceWindow, clock, stoppingToken).ConfigureAwait(false);
            wake = Wake.Notification;
        }
        else
        {
            wake = Wake.Fallback;
        }

        metrics.Wakeups.Add(1, IngestMetrics.WakeupTags(file.Path, wake switch
        {
            Wake.Notification => "notification",
            Wake.Fallback => "fallback",
            _ => "poll",
        }));
        return wake;
    }

    /// <summary>What a pass did.</summary>
    private enum Step
    {
        /// <summary>Moved rows into the grid: the next pass follows at once.</summary>
        Moved,

        /// <summary>Read to the end, nothing new: the signature it started from may be trusted until the file changes.</summary>
        Idle,

        /// <summary>Another file carries the symbol (or refuses this one): looked at again at every wake, as that may change.</summary>
        Elsewhere,

        /// <summary>A file listed earlier has not been looked at yet: asked again after a poll interval.</summary>
        Undecided,
    }

    /// <summary>Why a loop looks again.</summary>
    private enum Wake
    {
        /// <summary>Its first pass, or the one right after rows moved.</summary>
        Start,

        Notification,

        Fallback,

        Poll,
    }
}
