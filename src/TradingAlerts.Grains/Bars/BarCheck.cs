using System.Globalization;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Validation;

namespace TradingAlerts.Grains.Bars;

/// <summary>
/// The grain-side check of a bar, with the collector reader's rules: OHLC finite and consistent (a bar
/// without a usable price is no bar), and every indicator value usable. An indicator value that is not
/// (JSON of the wrong shape, a non-finite number) counts as missing: it is dropped, and the fault named.
/// </summary>
public static class BarCheck
{
    /// <summary>Why the bar's prices are unusable, or null when they are fine.</summary>
    public static string? PriceFault(BarRecord bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        return !double.IsFinite(bar.Open) || !double.IsFinite(bar.High) || !double.IsFinite(bar.Low) || !double.IsFinite(bar.Close)
            || bar.High < Math.Max(bar.Open, bar.Close) || bar.Low > Math.Min(bar.Open, bar.Close)
            ? string.Create(CultureInfo.InvariantCulture, $"unusable OHLC: open {bar.Open}, high {bar.High}, low {bar.Low}, close {bar.Close}")
            : null;
    }

    /// <summary>
    /// The bar with every unusable indicator value set to null (the same instance when all are usable);
    /// <paramref name="faults"/> receives one reason per dropped value. Values this process checked already (the
    /// collector reader's, handed over in memory) are not parsed again: see <see cref="IndicatorCheck"/>.
    /// </summary>
    public static BarRecord WithoutUnusableValues(BarRecord bar, List<string> faults)
    {
        ArgumentNullException.ThrowIfNull(bar);
        var usable = IndicatorCheck.Usable(bar.Indicators ?? IndicatorValues.None, faults);
        return ReferenceEquals(usable, bar.Indicators) ? bar : bar with { Indicators = usable };
    }
}
