using System.ComponentModel.DataAnnotations;
using System.Globalization;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.Ingest;

namespace TradingAlerts.Tests.Sqlite;

/// <summary>
/// Rows that pass every check of their own but are implausible against the rest of their table: a bar that
/// opens after the bar holding the table's newest M5 bar, or one priced beyond MaxPriceFactor of the median close
/// of the bars before it. Each is quarantined with its reason; the good rows after it are read, by this reader
/// and by one that starts afresh; real moves (crashes, weekend gaps) pass the default factor.
/// </summary>
public sealed class CollectorPlausibilityTests : IDisposable
{
    private const long Day = 1_641_340_800; // 2022-01-05 00:00, a Wednesday
    private const long WrittenAt = (Day + (30 * 86_400)) * 1000; // after every bar here, so the write-time bound never decides
    private readonly ScratchCollectorFile _file = new();

    public CollectorPlausibilityTests()
    {
        using var writer = new CollectorWriter(_file.Path); // creates the schema
    }

    [Fact]
    public void A_bar_opening_after_the_bar_that_holds_the_newest_M5_bar_is_quarantined_with_its_reason()
    {
        Insert("M5", Day + 38_100, 1.13); // 10:35, the newest M5 bar
        Insert("M5", Day + 37_800, 1.13);
        var accepted = new[]
        {
            Insert("M15", Day + 37_800, 1.13), // 10:30 holds 10:35
            Insert("H1", Day + 36_000, 1.13), // 10:00
            Insert("H12", Day, 1.13),
            Insert("D1", Day, 1.13),
        };
        var m15 = Insert("M15", Day + 38_700, 1.13); // 10:45
        var h1 = Insert("H1", Day + 39_600, 1.13); // 11:00
        var h12 = Insert("H12", Day + 43_200, 1.13); // 12:00
        var d1 = Insert("D1", Day + 86_400, 1.13); // tomorrow
        var after = Insert("H1", Day + 32_400, 1.13); // 09:00, after the refused rows

        var read = Read();

        Assert.Equal([1L, 2L, .. accepted, after], read.Rows.Select(r => r.Seq));
        Assert.Equal([m15, h1, h12, d1], read.Quarantined.Select(q => q.Seq));
        Assert.Equal(
            "timestamp 1641380400 (2022-01-05 11:00:00) lies ahead of the file's newest M5 bar (1641378900 = 2022-01-05 10:35:00): no H1 bar can open after 1641376800 (2022-01-05 10:00:00) yet",
            read.Quarantined[1].Reason);
        Assert.Equal(
            "timestamp 1641384000 (2022-01-05 12:00:00) lies ahead of the file's newest M5 bar (1641378900 = 2022-01-05 10:35:00): no H12 bar can open after 1641340800 (2022-01-05 00:00:00) yet",
            read.Quarantined[2].Reason);
    }

    [Fact]
    public void The_horizon_is_the_newest_M5_bar_of_the_read_snapshot_and_a_table_without_M5_rows_has_none()
    {
        // No M5 rows yet: only the write-time bound applies, so an H1 bar of any time before it is read.
        var lonely = Insert("H1", Day + 86_400, 1.13);
        Assert.Equal(lonely, Assert.Single(Read().Rows).Seq);

        // The collector writes a cycle in one transaction, here the H1 bar before the M5 bar that holds it: read together.
        using (var writer = new CollectorWriter(_file.Path))
        {
            writer.Write("EURUSD", [Bar(Timeframe.H1, Day + 90_000), Bar(Timeframe.M5, Day + 90_300)], WrittenAt);
        }

        var cycle = Read(lonely);
        Assert.Empty(cycle.Quarantined);
        Assert.Equal(2, cycle.Rows.Count);

        // M5 rows are bounded by their write time, not by the horizon: a newer M5 bar moves it.
        var ahead = Insert("H1", Day + 93_600, 1.13);
        var m5 = Insert("M5", Day + 93_600, 1.13);
        var now = Insert("H1", Day + 93_600 + 3_600, 1.13);
        var read = Read(cycle.LastSeq);
        Assert.Equal([ahead, m5], read.Rows.Select(r => r.Seq)); // the M5 bar written after it lets the first H1 in
        Assert.Equal(now, Assert.Single(read.Quarantined).Seq);
    }

    [Fact]
    public void An_absurd_price_is_quarantined_and_the_good_bars_after_it_are_read_also_by_a_reader_that_starts_afresh()
    {
        foreach (var (i, close) in new[] { 1.1301, 1.1296, 1.1305, 1.1310, 1.1290, 1.1300 }.Index())
        {
            Insert("H12", Day + (i * 43_200L), close);
        }

        var absurd = InsertRaw("H12", Day + (6 * 43_200L), 1.13, 1e308, 1.12, 1e308);
        var good = new[] { Insert("H12", Day + (7 * 43_200L), 1.1312), Insert("H12", Day + (8 * 43_200L), 1.1320) };

        foreach (var read in new[] { new CollectorReader(_file.Path).Read("EURUSD", 0, 100), Read(6) })
        {
            var rejected = Assert.Single(read.Quarantined);
            Assert.Equal((absurd, "H12", Day + (6 * 43_200L)), (rejected.Seq, rejected.Timeframe, rejected.Timestamp));
            // The reference is the median of the five closes before it: 1.1296, 1.1305, 1.131, 1.129, 1.13.
            Assert.Equal("high 1E+308 is implausible: above 10 times the reference close 1.13 (the median of 5 nearby closes)", rejected.Reason);
            Assert.Equal(good, read.Rows.Select(r => r.Seq).TakeLast(2));
        }
    }

    [Fact]
    public void Two_absurd_bars_in_a_row_do_not_make_the_good_bars_after_them_implausible()
    {
        for (var i = 0; i < 5; i++)
        {
            Insert("H1", Day + (i * 3_600L), 1.13);
        }

        var high = InsertRaw("H1", Day + (5 * 3_600L), 1.13, 1e308, 1.12, 1e308);
        var low = InsertRaw("H1", Day + (6 * 3_600L), 1.13, 1.14, 1e-300, 1e-300);
        var good = Insert("H1", Day + (7 * 3_600L), 1.1302);

        var read = Read();

        Assert.Equal([high, low], read.Quarantined.Select(q => q.Seq));
        Assert.Equal("low 1E-300 is implausible: below the reference close 1.13 divided by 10 (the median of 5 nearby closes)", read.Quarantined[1].Reason);
        Assert.Equal(good, read.Rows[^1].Seq);
    }

    public static TheoryData<double, double, double, double, double, string> Bounds => new()
    {
        // Five closes of 2.0 before the rows: the default factor 10 allows highs up to 20 and lows down to 0.2.
        { 10, 20, 0.2, 20.000001, 2, "high 20.000001 is implausible: above 10 times the reference close 2 (the median of 5 nearby closes)" },
        { 10, 20, 0.2, 2, 0.199999, "low 0.199999 is implausible: below the reference close 2 divided by 10 (the median of 5 nearby closes)" },
        { 10, 20, 0.2, 2, 0, "low 0 is not a positive price" },
        { 10, 20, 0.2, 2, -1, "low -1 is not a positive price" },
        // Ingest:MaxPriceFactor set to 1.5.
        { 1.5, 3, 1.34, 3.01, 2, "high 3.01 is implausible: above 1.5 times the reference close 2 (the median of 5 nearby closes)" },
        { 1.5, 3, 1.34, 2, 1.33, "low 1.33 is implausible: below the reference close 2 divided by 1.5 (the median of 5 nearby closes)" },
    };

    [Theory]
    [MemberData(nameof(Bounds))]
    public void Prices_are_bounded_by_the_factor_of_the_reference_close(double factor, double high, double low, double refusedHigh, double refusedLow, string reason)
    {
        for (var i = 0; i < 5; i++)
        {
            Insert("D1", Day + (i * 86_400L), 2.0);
        }

        var boundary = InsertRaw("D1", Day + (5 * 86_400L), 2, high, low, 2);
        var refused = InsertRaw("D1", Day + (6 * 86_400L), 2, refusedHigh, refusedLow, 2);
        var options = new IngestOptions { MaxPriceFactor = factor };

        var read = new CollectorReader(_file.Path, validation: options.CollectorValidation()).Read("EURUSD", 0, 100);

        Assert.Equal(boundary, read.Rows[^1].Seq);
        var rejected = Assert.Single(read.Quarantined);
        Assert.Equal((refused, reason), (rejected.Seq, rejected.Reason));
    }

    [Fact]
    public void The_first_bars_of_a_pair_are_judged_against_the_symbols_other_timeframes()
    {
        Insert("M5", Day + 42_900, 1.1301);
        Insert("H1", Day + 39_600, 1.1299);
        Insert("D1", Day, 1.1305);
        var first = InsertRaw("H12", Day, 1.13, 1e308, 1.12, 1e308);
        var next = Insert("H4", Day + 28_800, 1.1300); // another pair's first bar: the absurd H12 one is outvoted

        var read = Read();

        // The newest close of each other timeframe up to the H12 bar's end: 1.1299, 1.13, 1.1301, 1.1305; the lower middle.
        Assert.Equal("high 1E+308 is implausible: above 10 times the reference close 1.13 (the median of 4 nearby closes)",
            Assert.Single(read.Quarantined, q => q.Seq == first).Reason);
        Assert.Contains(next, read.Rows.Select(r => r.Seq));
    }

    [Fact]
    public void Real_crashes_rallies_and_weekend_gaps_pass_the_default_factor_and_a_slipped_decimal_point_does_not()
    {
        // BTCUSD D1, March 2020 (rounded from public daily bars): the COVID crash, its lowest low, the recovery.
        (string Day, double Open, double High, double Low, double Close)[] btc =
        [
            ("2020-03-06", 9_070, 9_170, 8_930, 9_150), ("2020-03-07", 9_150, 9_180, 8_860, 8_900),
            ("2020-03-08", 8_900, 8_900, 8_010, 8_030), ("2020-03-09", 8_030, 8_180, 7_630, 7_930),
            ("2020-03-10", 7_930, 8_130, 7_720, 7_900), ("2020-03-11", 7_900, 7_980, 7_600, 7_930),
            ("2020-03-12", 7_930, 7_970, 4_410, 4_970), ("2020-03-13", 4_970, 5_950, 3_850, 5_560),
            ("2020-03-14", 5_560, 5_640, 5_100, 5_200), ("2020-03-19", 5_400, 6_390, 5_260, 6_190),
        ];
        // EURUSD H4 over a weekend: Friday's last bar, then Monday opening 1.5 % lower.
        (string Day, double Open, double High, double Low, double Close)[] eur =
        [
            ("2022-01-06 08:00", 1.1300, 1.1310, 1.1290, 1.1305), ("2022-01-06 12:00", 1.1305, 1.1320, 1.1300, 1.1310),
            ("2022-01-06 16:00", 1.1310, 1.1330, 1.1305, 1.1320), ("2022-01-07 12:00", 1.1320, 1.1340, 1.1300, 1.1330),
            ("2022-01-07 20:00", 1.1330, 1.1335, 1.1310, 1.1320), ("2022-01-10 00:00", 1.1150, 1.1180, 1.1140, 1.1170),
        ];
        foreach (var (symbol, tf, bars) in new[] { ("BTCUSD", "D1", btc), ("EURUSD", "H4", eur) })
        {
            foreach (var b in bars)
            {
                InsertRaw(tf, Time(b.Day), b.Open, b.High, b.Low, b.Close, symbol);
            }
        }

        var slipped = InsertRaw("D1", Time("2020-03-20"), 6_190, 62_000, 6_100, 61_900, "BTCUSD"); // 6,190 written as 61,900

        Assert.Empty(Read("EURUSD").Quarantined);
        var read = Read("BTCUSD");
        Assert.Equal(btc.Length, read.Rows.Count);
        Assert.Equal(slipped, Assert.Single(read.Quarantined).Seq);
    }

    [Fact]
    public void The_price_settings_are_validated_and_reach_the_reader()
    {
        var defaults = new IngestOptions().CollectorValidation();
        Assert.Equal((10.0, TimeSpan.FromDays(30)), (defaults.MaxPriceFactor, defaults.PriceReferenceWindow));
        var set = new IngestOptions { MaxPriceFactor = 4, PriceReferenceWindow = TimeSpan.FromDays(3), MaxBrokerUtcOffset = TimeSpan.FromHours(3) }.CollectorValidation();
        Assert.Equal((4.0, TimeSpan.FromDays(3), TimeSpan.FromHours(3)), (set.MaxPriceFactor, set.PriceReferenceWindow, set.MaxBrokerUtcOffset));

        foreach (var wrong in new[]
        {
            new IngestOptions { MaxPriceFactor = 1 }, new IngestOptions { PriceReferenceWindow = TimeSpan.Zero },
            new IngestOptions { MaxBrokerUtcOffset = TimeSpan.FromHours(-1) },
        })
        {
            Assert.False(Validator.TryValidateObject(wrong, new ValidationContext(wrong), [], validateAllProperties: true));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => CollectorValidation.Default with { MaxPriceFactor = double.NaN });
    }

    private CollectorReadResult Read(long after = 0) => new CollectorReader(_file.Path).Read("EURUSD", after, 100);

    private CollectorReadResult Read(string symbol) => new CollectorReader(_file.Path).Read(symbol, 0, 100);

    private static long Time(string utc) =>
        DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeSeconds();

    private static BarRecord Bar(Timeframe tf, long time) => new(tf, time, 1.13, 1.1302, 1.1298, 1.1301, IndicatorValues.None, 0, 0);

    private long Insert(string tf, long time, double close) => InsertRaw(tf, time, close, close + 0.0005, close - 0.0005, close);

    /// <summary>Inserts a row as a collector would (seq = max + 1); returns its seq.</summary>
    private long InsertRaw(string tf, long time, double open, double high, double low, double close, string symbol = "EURUSD")
    {
        FormattableString values = $"'{tf}', {time}, {open}, {high}, {low}, {close}, (SELECT COALESCE(MAX(seq), 0) + 1 FROM {symbol}), {WrittenAt}";
        _file.Execute($"INSERT INTO {symbol} (timeframe, timestamp, open, high, low, close, seq, written_at) VALUES ({FormattableString.Invariant(values)})");
        return new CollectorReader(_file.Path).Read(symbol, 0, 100_000).LastSeq;
    }

    public void Dispose() => _file.Dispose();
}
