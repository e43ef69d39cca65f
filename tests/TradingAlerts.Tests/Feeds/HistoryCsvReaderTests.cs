using TradingAlerts.Feeds.Csv;
using TradingAlerts.Indicators;

namespace TradingAlerts.Tests.Feeds;

public class HistoryCsvReaderTests
{
    [Fact]
    public void Reads_mt5_exports_with_quoted_lines_and_a_header()
    {
        var (bars, errors) = HistoryCsvReader.Read(
        [
            "\"Time\tOpen\tHigh\tLow\tClose\tVolume\"",
            "\"2022-01-04 18:00:00\t1.12834\t1.1284\t1.12834\t1.12838\t24\"",
            "2022-01-04 18:01:00\t1.1284\t1.1284\t1.12837\t1.12837\t6",
        ]);
        Assert.Empty(errors);
        Assert.Equal(
            [new Ohlc(1_641_319_200, 1.12834, 1.1284, 1.12834, 1.12838, 24), new Ohlc(1_641_319_260, 1.1284, 1.1284, 1.12837, 1.12837, 6)],
            bars);
    }

    [Fact]
    public void Reads_mt5_exports_with_separate_date_and_time_columns()
    {
        var (bars, errors) = HistoryCsvReader.Read(["<DATE>\t<TIME>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>", "2022.01.04\t18:00:00\t1.1\t1.2\t1.0\t1.15\t3"]);
        Assert.Empty(errors);
        Assert.Equal([new Ohlc(1_641_319_200, 1.1, 1.2, 1.0, 1.15, 3)], bars);
    }

    [Fact]
    public void Reads_tick_volume_real_volume_and_spread_of_an_mt5_export_that_has_them()
    {
        var (bars, errors) = HistoryCsvReader.Read(
        [
            "<DATE>\t<TIME>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\t<VOL>\t<SPREAD>",
            "2022.01.04\t18:00:00\t1.1\t1.2\t1.0\t1.15\t37\t0\t3",
            "2022.01.04\t18:01:00\t16200.5\t16201.5\t16200.0\t16201.0\t410\t12000\t15",
        ]);
        Assert.Empty(errors);
        Assert.Equal(
            [new Ohlc(1_641_319_200, 1.1, 1.2, 1.0, 1.15, 37, Spread: 3, RealVolume: 0), new Ohlc(1_641_319_260, 16200.5, 16201.5, 16200.0, 16201.0, 410, Spread: 15, RealVolume: 12000)],
            bars);
    }

    [Fact]
    public void A_negative_or_fractional_volume_or_spread_is_a_bad_line_with_its_reason()
    {
        var (bars, errors) = HistoryCsvReader.Read(
        [
            "2022-01-04 18:00:00\t1.1\t1.2\t1.0\t1.15\t-4",
            "2022-01-04 18:01:00\t1.1\t1.2\t1.0\t1.15\t2.5",
            "2022.01.04\t18:02:00\t1.1\t1.2\t1.0\t1.15\t3\t0\t-1",
            "2022-01-04 18:03:00\t1.1\t1.2\t1.0\t1.15\t9",
        ]);
        Assert.Equal(
        [
            "line 1: bad volume '-4' (a whole number of at least 0)",
            "line 2: bad volume '2.5' (a whole number of at least 0)",
            "line 3: bad spread '-1' (a whole number of at least 0)",
        ],
            errors);
        Assert.Equal([(1_641_319_380L, 9.0)], bars.Select(b => (b.Time, b.Volume)));
    }

    [Fact]
    public void Reads_histdata_ascii_and_metatrader_formats()
    {
        var (ascii, e1) = HistoryCsvReader.Read(["20220104 180000;1.128340;1.128400;1.128340;1.128380;0"]);
        var (metaTrader, e2) = HistoryCsvReader.Read(["2022.01.04,18:00,1.128340,1.128400,1.128340,1.128380,0"]);
        Assert.Empty(e1);
        Assert.Empty(e2);
        var expected = new Ohlc(1_641_319_200, 1.12834, 1.1284, 1.12834, 1.12838, 0);
        Assert.Equal([expected], ascii);
        Assert.Equal([expected], metaTrader);
    }

    [Fact]
    public void Bad_lines_are_reported_by_number_and_good_ones_kept()
    {
        var (bars, errors) = HistoryCsvReader.Read(
        [
            "2022-01-04 18:00:00\t1.1\t1.2\t1.0\t1.15\t1",
            "2022-01-04 18:01:00\t1.1\t1.0\t1.2\t1.15\t1",
            "2022-01-04 18:02:00\tNaN\t1.2\t1.0\t1.15\t1",
            "2022-13-04 18:03:00\t1.1\t1.2\t1.0\t1.15\t1",
            "2022-01-04 18:04:00\t1.1\t1.2",
            "just words",
            "2022-01-04 18:05:00\t1.1\t1.2\t1.0\t1.15\t1",
        ]);
        Assert.Equal(2, bars.Count);
        Assert.Equal(
        [
            "line 2: inconsistent prices open 1.1 high 1 low 1.2 close 1.15",
            "line 3: bad price 'NaN'",
            "line 4: bad time '2022-13-04 18:03:00'",
            "line 5: expected time, open, high, low, close[, volume]; found 3 fields",
        ], errors);
    }
}
