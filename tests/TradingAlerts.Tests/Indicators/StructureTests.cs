using TradingAlerts.Indicators;

namespace TradingAlerts.Tests.Indicators;

/// <summary>Fractals, zigzag and lines on small hand-made bar series.</summary>
public class StructureTests
{
    private static List<Ohlc> Bars(params (double High, double Low)[] ranges) =>
        [.. ranges.Select((r, i) => new Ohlc(1000 + (i * 300L), (r.High + r.Low) / 2, r.High, r.Low, (r.High + r.Low) / 2))];

    [Fact]
    public void A_fractal_needs_two_lower_highs_on_each_side_and_two_closed_bars_after_it()
    {
        //           0       1       2       3       4       5       6
        var bars = Bars((2, 1), (3, 2), (6, 1.5), (3, 2), (2, 0.5), (5, 2), (4, 3));
        var (peaks, bottoms) = Structures.Fractals(bars);
        Assert.Equal([new PricePoint(1600, 6)], peaks);      // bar 5 (5) has one bar after it: not yet known
        Assert.Equal([new PricePoint(2200, 0.5)], bottoms);  // bar 4
    }

    [Fact]
    public void Equal_neighbouring_highs_are_not_a_fractal()
    {
        var bars = Bars((2, 1), (3, 2), (6, 1.5), (6, 2), (2, 1.2), (1, 0.9));
        Assert.Empty(Structures.Fractals(bars).Peaks);
    }

    [Fact]
    public void Zigzag_alternates_keeping_the_extreme_of_consecutive_points()
    {
        List<PricePoint> peaks = [new(100, 5), new(200, 7), new(400, 6)];
        List<PricePoint> bottoms = [new(50, 2), new(300, 3), new(350, 1)];
        var (zigPeaks, zigBottoms) = Structures.ZigZag(peaks, bottoms);
        // order: B50(2) P100(5) P200(7) B300(3) B350(1) P400(6) → B50, P200, B350, P400
        Assert.Equal([new PricePoint(200, 7), new PricePoint(400, 6)], zigPeaks);
        Assert.Equal([new PricePoint(50, 2), new PricePoint(350, 1)], zigBottoms);
    }

    [Fact]
    public void Horizontal_line_counts_bars_whose_high_comes_within_tolerance()
    {
        var bars = Bars((5, 4), (10, 8), (9.95, 8), (9.5, 8), (10.04, 9), (7, 6));
        var line = Assert.Single(Structures.HorizontalLines(bars, [new PricePoint(1300, 10)], peaks: true, endTime: 2500, tolerance: 0.051, count: 3));
        // bars 1 (10), 2 (9.95) and 4 (10.04) touch; bar 0 is before the point; 3 and 5 are too far.
        Assert.Equal(new TrendLine(1300, 10, 2500, 10, 3), line);
    }

    [Fact]
    public void Ascending_line_runs_through_two_rising_bottoms_and_extends_to_the_current_bar()
    {
        // bottoms at t=1000 (1.0) and t=1600 (1.3): slope 0.0005 per second; at t=2200 the line is at 1.6.
        var bars = Bars((2, 1.0), (2, 1.5), (2, 1.3), (2, 1.45), (2, 1.6));
        List<PricePoint> bottoms = [new(1000, 1.0), new(1600, 1.3)];
        var line = Assert.Single(Structures.DiagonalLines(bars, bottoms, ascending: true, endTime: 2200, tolerance: 0.01, count: 3));
        Assert.Equal(1000, line.StartTime);
        Assert.Equal(1.0, line.StartPrice);
        Assert.Equal(2200, line.EndTime);
        Assert.Equal(1.6, line.EndPrice, 1e-12);
        Assert.Equal(4, line.Touches); // t=1000, 1600, 1900 (1.45 vs 1.45), 2200; t=1300 (1.5 vs 1.15) misses
    }

    [Fact]
    public void Falling_bottoms_make_no_ascending_line_and_rising_peaks_no_descending_line()
    {
        var bars = Bars((2, 1), (3, 0.5));
        Assert.Empty(Structures.DiagonalLines(bars, [new(1000, 1.0), new(1300, 0.5)], ascending: true, 1300, 0.01, 3));
        Assert.Empty(Structures.DiagonalLines(bars, [new(1000, 2.0), new(1300, 3.0)], ascending: false, 1300, 0.01, 3));
    }
}
