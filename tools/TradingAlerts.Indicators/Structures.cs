namespace TradingAlerts.Indicators;

/// <summary>Price structures found in a window of closed bars (oldest first).</summary>
public static class Structures
{
    /// <summary>
    /// Bill Williams fractals: a peak is a high strictly above the two highs on each side; a bottom a low
    /// strictly below the two lows on each side. A fractal is known only once the two bars after it closed.
    /// </summary>
    public static (List<PricePoint> Peaks, List<PricePoint> Bottoms) Fractals(IReadOnlyList<Ohlc> bars)
    {
        var peaks = new List<PricePoint>();
        var bottoms = new List<PricePoint>();
        for (var i = 2; i < bars.Count - 2; i++)
        {
            var b = bars[i];
            if (b.High > bars[i - 1].High && b.High > bars[i - 2].High && b.High > bars[i + 1].High && b.High > bars[i + 2].High)
            {
                peaks.Add(new PricePoint(b.Time, b.High));
            }

            if (b.Low < bars[i - 1].Low && b.Low < bars[i - 2].Low && b.Low < bars[i + 1].Low && b.Low < bars[i + 2].Low)
            {
                bottoms.Add(new PricePoint(b.Time, b.Low));
            }
        }

        return (peaks, bottoms);
    }

    /// <summary>
    /// ZigZag through the fractals: turning points alternate peak/bottom; of consecutive peaks the
    /// highest is kept, of consecutive bottoms the lowest.
    /// </summary>
    public static (List<PricePoint> Peaks, List<PricePoint> Bottoms) ZigZag(List<PricePoint> peaks, List<PricePoint> bottoms)
    {
        var merged = peaks.Select(p => (Point: p, IsPeak: true))
            .Concat(bottoms.Select(b => (Point: b, IsPeak: false)))
            .OrderBy(x => x.Point.Time)
            .ToList();
        var turns = new List<(PricePoint Point, bool IsPeak)>();
        foreach (var item in merged)
        {
            if (turns.Count > 0 && turns[^1].IsPeak == item.IsPeak)
            {
                var last = turns[^1].Point;
                var better = item.IsPeak ? item.Point.Price > last.Price : item.Point.Price < last.Price;
                if (better)
                {
                    turns[^1] = item;
                }

                continue;
            }

            // A bar that is both a peak and a bottom cannot be a turn of both kinds: keep the first.
            if (turns.Count > 0 && turns[^1].Point.Time == item.Point.Time)
            {
                continue;
            }

            turns.Add(item);
        }

        return ([.. turns.Where(t => t.IsPeak).Select(t => t.Point)], [.. turns.Where(t => !t.IsPeak).Select(t => t.Point)]);
    }

    /// <summary>
    /// Horizontal lines at the latest <paramref name="count"/> points, from the point to <paramref name="endTime"/>;
    /// touches are bars from the point on whose high (peaks) or low (bottoms) lies within <paramref name="tolerance"/>.
    /// </summary>
    public static List<TrendLine> HorizontalLines(IReadOnlyList<Ohlc> bars, List<PricePoint> points, bool peaks, long endTime, double tolerance, int count)
    {
        var lines = new List<TrendLine>();
        foreach (var point in points.TakeLast(count))
        {
            var touches = bars.Count(b => b.Time >= point.Time && Math.Abs((peaks ? b.High : b.Low) - point.Price) <= tolerance);
            lines.Add(new TrendLine(point.Time, point.Price, endTime, point.Price, touches));
        }

        return lines;
    }

    /// <summary>
    /// Diagonal lines through consecutive points that rise (ascending, through bottoms) or fall
    /// (descending, through peaks), the latest <paramref name="count"/> of them, extended to
    /// <paramref name="endTime"/>; touches are bars from the first point on within tolerance of the line.
    /// </summary>
    public static List<TrendLine> DiagonalLines(IReadOnlyList<Ohlc> bars, List<PricePoint> points, bool ascending, long endTime, double tolerance, int count)
    {
        var lines = new List<TrendLine>();
        for (var i = 1; i < points.Count; i++)
        {
            var (a, b) = (points[i - 1], points[i]);
            if (ascending ? b.Price <= a.Price : b.Price >= a.Price)
            {
                continue;
            }

            var through = new TrendLine(a.Time, a.Price, b.Time, b.Price, 0);
            var touches = bars.Count(bar => bar.Time >= a.Time &&
                Math.Abs((ascending ? bar.Low : bar.High) - through.PriceAt(bar.Time)) <= tolerance);
            lines.Add(new TrendLine(a.Time, a.Price, endTime, through.PriceAt(endTime), touches));
        }

        return [.. lines.TakeLast(count)];
    }
}
