using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Abstractions.Validation;

/// <summary>
/// The check of a bar's indicator values against the catalogue (JSON shapes, usable numbers), done once per value set
/// in a process. The collector reader has its sets marked as checked (<see cref="IndicatorValues"/> carries the mark on
/// the object), so the grain does not parse again the JSON the reader parsed a moment before in the same process: that
/// second check measured about 10.6 µs a row, a third of the reader's own 37 µs and a tenth of the grid's whole ingest
/// per row (IndicatorCheckBenchmarks; docs/performance.md), too much to drop. A set built any other way (by a caller,
/// with <c>with</c>, or deserialized from another process) is unmarked and checked in full. The grain does not mark what
/// it checks: its sets (received, or read back from PostgreSQL) are not checked again anywhere.
/// </summary>
public static class IndicatorCheck
{
    /// <summary>Whether <paramref name="values"/> (this object) came out of <see cref="Usable"/> asked to remember it.</summary>
    public static bool IsChecked(IndicatorValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.IsChecked;
    }

    /// <summary>
    /// <paramref name="values"/> with every unusable value set to null (the same instance when all are usable, or when
    /// it was checked before); <paramref name="faults"/> receives one reason per dropped value, in catalogue order.
    /// With <paramref name="remember"/> the result is marked as checked (for values handed on in this process).
    /// </summary>
    public static IndicatorValues Usable(IndicatorValues values, List<string> faults, bool remember = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(faults);
        if (values.IsChecked)
        {
            return values;
        }

        var before = faults.Count;
        var usable = IndicatorValues.From(new UsableValues(values, faults));
        var result = faults.Count == before ? values : usable;
        if (remember)
        {
            result.MarkChecked();
        }

        return result;
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
