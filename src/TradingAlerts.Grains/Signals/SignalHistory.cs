using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Grains.Signals;

/// <summary>
/// The signal changes of each timeframe, bounded, so the confluence at a past time can be rebuilt from
/// memory: at time t each timeframe contributes the last signal of a bar that opened at or before t.
/// </summary>
public sealed class SignalHistory(int capacityPerTimeframe)
{
    private readonly Dictionary<Timeframe, List<TimeframeSignal>> _byTimeframe = [];

    public void Add(TimeframeSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (!_byTimeframe.TryGetValue(signal.Timeframe, out var list))
        {
            _byTimeframe[signal.Timeframe] = list = [];
        }

        // Signals arrive in bar order; a rewrite of the same bar replaces its entry.
        if (list.Count > 0 && list[^1].BarTime == signal.BarTime)
        {
            list[^1] = signal;
        }
        else if (list.Count == 0 || list[^1].BarTime < signal.BarTime)
        {
            list.Add(signal);
            if (list.Count > capacityPerTimeframe)
            {
                list.RemoveAt(0);
            }
        }
    }

    /// <summary>The signals in force at <paramref name="time"/>, or null with the reason when the history does not reach back that far.</summary>
    public Dictionary<Timeframe, TimeframeSignal>? At(long time, out string? reason)
    {
        var signals = new Dictionary<Timeframe, TimeframeSignal>();
        foreach (var tf in Timeframes.All)
        {
            if (!_byTimeframe.TryGetValue(tf, out var list) || list.Count == 0)
            {
                continue; // no signal yet on this timeframe: neutral, as in the live score
            }

            var index = list.FindLastIndex(s => s.BarTime <= time);
            if (index < 0)
            {
                reason = $"confluence at {DateTimeOffset.FromUnixTimeSeconds(time):u} is older than the {tf.Name()} signals held (from {DateTimeOffset.FromUnixTimeSeconds(list[0].BarTime):u})";
                return null;
            }

            signals[tf] = list[index];
        }

        reason = null;
        return signals;
    }
}
