using System.Globalization;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Catalogue;

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
    /// <paramref name="faults"/> receives one reason per dropped value.
    /// </summary>
    public static BarRecord WithoutUnusableValues(BarRecord bar, List<string> faults)
    {
        ArgumentNullException.ThrowIfNull(bar);
        ArgumentNullException.ThrowIfNull(faults);
        var clean = IndicatorValues.From(new UsableValues(bar.Indicators ?? IndicatorValues.None, faults));
        return clean == bar.Indicators ? bar : bar with { Indicators = clean };
    }

    /// <summary>Each catalogue column's value, or null (its fault named) when the column's check fails.</summary>
    private readonly struct UsableValues(IndicatorValues values, List<string> faults) : IIndicatorSource
    {
        public string? Json(JsonIndicatorColumn column)
        {
            var json = column.Value(values);
            return Dropped(column.Check(json)) ? null : json;
        }

        public double? Number(NumberIndicatorColumn column)
        {
            var number = column.Value(values);
            return Dropped(column.Check(number)) ? null : number;
        }

        private bool Dropped(string? reason)
        {
            if (reason is not null)
            {
                faults.Add(reason);
            }

            return reason is not null;
        }
    }
}
