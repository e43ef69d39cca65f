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
    /// <paramref name="faults"/> receives one reason per dropped value.
    /// </summary>
    public static BarRecord WithoutUnusableValues(BarRecord bar, List<string> faults)
    {
        ArgumentNullException.ThrowIfNull(bar);
        ArgumentNullException.ThrowIfNull(faults);
        var v = bar.Indicators ?? IndicatorValues.None;
        var clean = new IndicatorValues(
            Json("fractals", v.Fractals, faults),
            Json("horizontal_trendlines", v.HorizontalTrendlines, faults),
            Json("diagonal_trendlines", v.DiagonalTrendlines, faults),
            Json("momentum_candles", v.MomentumCandles, faults),
            Json("keltner_channels", v.KeltnerChannels, faults),
            Number("tema", v.Tema, faults),
            Number("hrma", v.Hrma, faults),
            Number("smma", v.Smma, faults),
            Json("zigzag", v.ZigZag, faults));
        return clean == bar.Indicators ? bar : bar with { Indicators = clean };
    }

    private static string? Json(string column, string? json, List<string> faults)
    {
        if (IndicatorShapes.Check(column, json) is { } reason)
        {
            faults.Add(reason);
            return null;
        }

        return json;
    }

    private static double? Number(string column, double? value, List<string> faults)
    {
        if (value is { } v && (!double.IsFinite(v) || Math.Abs(v) == double.MaxValue))
        {
            faults.Add(string.Create(CultureInfo.InvariantCulture, $"{column} is not a finite number ({v})"));
            return null;
        }

        return value;
    }
}
