using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.DevTools.DevSeed;
using TradingAlerts.Indicators;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.Abstractions.Validation;

namespace TradingAlerts.Tests.Sqlite;

/// <summary>
/// What the collector reader refuses: indicator JSON of the wrong shape (every documented field, its type,
/// finite numbers, times in unix seconds), millisecond bar times and bars that open after their write time
/// plus one bar and the broker's offset. Each refused row is quarantined with its reason and the row as
/// stored, and the rows after it are read.
/// </summary>
public sealed class CollectorRowValidationTests : IDisposable
{
    private const long Written = 1_641_340_800_000; // 2022-01-05 00:00:00 UTC, unix ms
    private const long Bar = 1_641_337_200; // 2022-01-04 23:00, an H1 bar open time before the write
    private readonly ScratchCollectorFile _file = new();

    public CollectorRowValidationTests()
    {
        using var writer = new CollectorWriter(_file.Path); // creates the schema
    }

    private const string Keltner = """{"upper":[1.2,1.3,1.4,1.5,1.6],"middle":1.1,"lower":[1.0,0.9,0.8,0.7,0.6]}""";

    public static TheoryData<string, string, string> ShapeFaults => new()
    {
        // The row seen in the field: valid JSON, wrong shape.
        { "fractals", """{"peaks":[1],"bottoms":[]}""", "fractals.peaks[0] must be a JSON object {time, price}, got 1" },
        { "fractals", """{"peaks":[]}""", "fractals has no \"bottoms\"" },
        { "fractals", """{"peaks":{},"bottoms":[]}""", "fractals.peaks must be a JSON array, got {}" },
        { "fractals", """{"peaks":[{"price":1.1}],"bottoms":[]}""", "fractals.peaks[0] has no \"time\"" },
        { "fractals", """{"peaks":[{"time":1641337200}],"bottoms":[]}""", "fractals.peaks[0] has no \"price\"" },
        { "fractals", """{"peaks":[],"bottoms":[{"time":"1641337200","price":1.1}]}""", "fractals.bottoms[0].time must be a whole number of unix seconds, got \"1641337200\"" },
        { "fractals", """{"peaks":[],"bottoms":[{"time":1641337200.5,"price":1.1}]}""", "fractals.bottoms[0].time must be a whole number of unix seconds, got 1641337200.5" },
        { "fractals", """{"peaks":[{"time":1641337200000,"price":1.1}],"bottoms":[]}""", "fractals.peaks[0].time 1641337200000 is not unix seconds (after 3000-12-31, MT5's last datetime; milliseconds?)" },
        { "fractals", """{"peaks":[{"time":-300,"price":1.1}],"bottoms":[]}""", "fractals.peaks[0].time -300 is before 1970" },
        { "fractals", """{"peaks":[{"time":1641337200,"price":"1.1"}],"bottoms":[]}""", "fractals.peaks[0].price must be a finite number, got \"1.1\"" },
        { "fractals", """{"peaks":[{"time":1641337200,"price":null}],"bottoms":[]}""", "fractals.peaks[0].price must be a finite number, got null" },
        { "fractals", """{"peaks":[{"time":1641337200,"price":1e999}],"bottoms":[]}""", "fractals.peaks[0].price must be a finite number, got 1e999" },
        { "fractals", """{"peaks":[{"time":1641337200,"price":1.7976931348623157e308}],"bottoms":[]}""", "fractals.peaks[0].price must be a finite number, got 1.7976931348623157e308" },
        { "fractals", "[]", "fractals must be a JSON object, got []" },
        { "zigzag", """{"peaks":[],"bottoms":[{"time":1641337200}]}""", "zigzag.bottoms[0] has no \"price\"" },
        { "horizontal_trendlines", """{"peak_lines":[]}""", "horizontal_trendlines has no \"bottom_lines\"" },
        { "horizontal_trendlines", """{"peak_lines":[{"start_time":1641337200,"start_price":1.1,"end_time":1641337200,"end_price":1.1}],"bottom_lines":[]}""", "horizontal_trendlines.peak_lines[0] has no \"touches\"" },
        { "horizontal_trendlines", """{"peak_lines":[],"bottom_lines":[{"start_time":1641337200,"start_price":1.1,"end_time":1641337200,"end_price":1.1,"touches":-1}]}""", "horizontal_trendlines.bottom_lines[0].touches must be a whole number ≥ 0, got -1" },
        { "horizontal_trendlines", """{"peak_lines":[],"bottom_lines":[{"start_time":1641337200,"start_price":1.1,"end_time":1641337200,"end_price":1.1,"touches":2.5}]}""", "horizontal_trendlines.bottom_lines[0].touches must be a whole number ≥ 0, got 2.5" },
        { "diagonal_trendlines", """{"ascending":[],"descending":[3]}""", "diagonal_trendlines.descending[0] must be a JSON object {start_time, start_price, end_time, end_price, touches}, got 3" },
        { "diagonal_trendlines", """{"ascending":[{"start_time":1641337200,"start_price":1.1,"end_time":1641337200000,"end_price":1.2,"touches":1}],"descending":[]}""", "diagonal_trendlines.ascending[0].end_time 1641337200000 is not unix seconds (after 3000-12-31, MT5's last datetime; milliseconds?)" },
        { "diagonal_trendlines", """{"ascending":[{"start_time":1641337200,"start_price":1.1,"end_time":1641337200,"end_price":true,"touches":1}],"descending":[]}""", "diagonal_trendlines.ascending[0].end_price must be a finite number, got true" },
        { "diagonal_trendlines", """{"peak_lines":[],"bottom_lines":[]}""", "diagonal_trendlines has no \"ascending\"" },
        { "keltner_channels", """{"upper":[1.2,1.3,1.4,1.5],"middle":1.1,"lower":[1.0,0.9,0.8,0.7,0.6]}""", "keltner_channels.upper must hold 5 bands, got 4" },
        { "keltner_channels", """{"upper":[1.2,1.3,1.4,1.5,1.6],"lower":[1.0,0.9,0.8,0.7,0.6]}""", "keltner_channels has no \"middle\"" },
        { "keltner_channels", """{"upper":[1.2,1.3,1.4,1.5,1.6],"middle":[1.1],"lower":[1.0,0.9,0.8,0.7,0.6]}""", "keltner_channels.middle must be a finite number, got [1.1]" },
        { "keltner_channels", """{"upper":[1.2,1.3,1.4,1.5,1.6],"middle":1.1,"lower":[1.0,0.9,null,0.7,0.6]}""", "keltner_channels.lower[2] must be a finite number, got null" },
        { "momentum_candles", "{}", "momentum_candles must be a JSON array, got {}" },
        { "momentum_candles", "[1641337200]", "momentum_candles[0] must be a JSON object {time, direction, body_ratio}, got 1641337200" },
        { "momentum_candles", """[{"time":1641337200,"direction":"up","body_ratio":2.5}]""", "momentum_candles[0].direction must be \"bullish\" or \"bearish\", got \"up\"" },
        { "momentum_candles", """[{"time":1641337200,"body_ratio":2.5}]""", "momentum_candles[0] has no \"direction\"" },
        { "momentum_candles", """[{"time":1641337200,"direction":"bullish"}]""", "momentum_candles[0] has no \"body_ratio\"" },
        { "momentum_candles", """[{"time":1641337200000,"direction":"bearish","body_ratio":2.5}]""", "momentum_candles[0].time 1641337200000 is not unix seconds (after 3000-12-31, MT5's last datetime; milliseconds?)" },
    };

    [Theory]
    [MemberData(nameof(ShapeFaults))]
    public void Indicator_json_of_the_wrong_shape_is_quarantined_and_the_next_row_is_read(string column, string json, string reason)
    {
        Insert(column, 1, Bar, json);
        Insert(column, 2, Bar + 3600, null);

        var read = new CollectorReader(_file.Path).Read("EURUSD", 0, 10);

        var rejected = Assert.Single(read.Quarantined);
        Assert.Equal((1L, "H1", Bar, Written, reason), (rejected.Seq, rejected.Timeframe, rejected.Timestamp, rejected.WrittenAtMs, rejected.Reason));
        // The row as stored travels with the reason, so the quarantine shows exactly what was refused.
        using var row = JsonDocument.Parse(rejected.Row!);
        Assert.Equal(json, row.RootElement.GetProperty(column).GetString());
        Assert.Equal(Bar, row.RootElement.GetProperty("timestamp").GetInt64());
        Assert.Equal(2L, Assert.Single(read.Rows).Seq);
        Assert.Equal(2, read.LastSeq);
    }

    public static TheoryData<string, string, string> VolumeFaults => new()
    {
        { "tick_volume", "-5", "tick_volume is negative (-5)" },
        { "real_volume", "-1", "real_volume is negative (-1)" },
        { "spread", "-3", "spread is negative (-3)" },
        { "tick_volume", "2.5", "tick_volume is not a whole number: '2.5'" },
        { "spread", "'wide'", "spread is not a whole number: 'wide'" },
        { "spread", "4294967296", "spread 4294967296 is out of range (at most 2147483647 points)" },
    };

    [Theory]
    [MemberData(nameof(VolumeFaults))]
    public void A_negative_or_broken_volume_or_spread_is_quarantined_with_its_reason_and_the_next_row_is_read(string column, string value, string reason)
    {
        _file.Execute($"INSERT INTO EURUSD (timeframe, timestamp, open, high, low, close, {column}, seq, written_at) VALUES ('H1', {Bar}, 1.1, 1.2, 1.0, 1.15, {value}, 1, {Written})");
        _file.Execute($"INSERT INTO EURUSD (timeframe, timestamp, open, high, low, close, tick_volume, spread, real_volume, seq, written_at) VALUES ('H1', {Bar + 3600}, 1.1, 1.2, 1.0, 1.15, 1234, 17, 5, 2, {Written})");

        var read = new CollectorReader(_file.Path).Read("EURUSD", 0, 10);

        var rejected = Assert.Single(read.Quarantined);
        Assert.Equal((1L, reason), (rejected.Seq, rejected.Reason));
        var good = Assert.Single(read.Rows);
        Assert.Equal((2L, 1234L, 17, 5L), (good.Seq, good.TickVolume, good.Spread, good.RealVolume));
    }

    public static TheoryData<string, string> ValidShapes => new()
    {
        { "fractals", """{"peaks":[{"time":1641337200,"price":1.1}],"bottoms":[]}""" },
        { "fractals", """{"peaks":[],"bottoms":[],"extra":"a newer collector may add fields"}""" },
        { "zigzag", """{"peaks":[{"time":0,"price":-1.5}],"bottoms":[{"time":32535215999,"price":2}]}""" },
        { "horizontal_trendlines", """{"peak_lines":[{"start_time":1641337200,"start_price":1.1,"end_time":1641340800,"end_price":1.1,"touches":0}],"bottom_lines":[]}""" },
        { "diagonal_trendlines", """{"ascending":[],"descending":[]}""" },
        { "keltner_channels", Keltner },
        { "momentum_candles", "[]" },
        { "momentum_candles", """[{"time":1641337200,"direction":"bearish","body_ratio":2.5}]""" },
    };

    [Theory]
    [MemberData(nameof(ValidShapes))]
    public void Indicator_json_in_the_documented_shape_is_read(string column, string json)
    {
        Insert(column, 1, Bar, json);
        var read = new CollectorReader(_file.Path).Read("EURUSD", 0, 10);
        Assert.Empty(read.Quarantined);
        var row = Assert.Single(read.Rows);
        Assert.Equal(1L, row.Seq);
        // Handed over as checked: a grain in this process does not parse the same JSON again.
        Assert.True(IndicatorCheck.IsChecked(row.Indicators));
    }

    [Fact]
    public void A_bar_time_in_milliseconds_is_quarantined()
    {
        Insert("fractals", 1, Bar * 1000, null); // an H1-aligned time, but in milliseconds
        var rejected = Assert.Single(new CollectorReader(_file.Path).Read("EURUSD", 0, 10).Quarantined);
        Assert.Equal($"timestamp {Bar * 1000} is not unix seconds (after 3000-12-31, MT5's last datetime; milliseconds?)", rejected.Reason);
    }

    [Fact]
    public void A_bar_opening_after_its_write_time_plus_one_bar_and_the_broker_offset_is_quarantined()
    {
        var writtenSeconds = Written / 1000;
        var offset = TimeSpan.FromHours(3); // a UTC+3 broker: its forming H1 bar opens up to 3 h "after" the UTC write
        var last = writtenSeconds + 3600 + (long)offset.TotalSeconds;
        Insert("fractals", 1, last - 3600, null);
        Insert("fractals", 2, last, null); // the latest bar the rule allows
        Insert("fractals", 3, last + 3600, null);

        var read = new CollectorReader(_file.Path, validation: new CollectorValidation(offset)).Read("EURUSD", 0, 10);

        Assert.Equal([1L, 2L], read.Rows.Select(r => r.Seq));
        var rejected = Assert.Single(read.Quarantined);
        Assert.Equal(3, rejected.Seq);
        Assert.Equal(
            $"timestamp {last + 3600} (2022-01-05 05:00:00) is beyond its write time (written_at {Written} = 2022-01-05 00:00:00 UTC) plus one H1 bar and the broker offset allowance (03:00:00)",
            rejected.Reason);
    }

    [Fact]
    public void By_default_a_broker_up_to_fourteen_hours_ahead_of_utc_is_accepted()
    {
        var allowed = (Written / 1000) + 3600 + (14 * 3600);
        Insert("fractals", 1, allowed, null);
        Insert("fractals", 2, allowed + 3600, null);
        var read = new CollectorReader(_file.Path).Read("EURUSD", 0, 10);
        Assert.Equal(1L, Assert.Single(read.Rows).Seq);
        Assert.Equal(2L, Assert.Single(read.Quarantined).Seq);
    }

    [Fact]
    public void A_write_time_in_seconds_makes_every_bar_look_late_and_says_so()
    {
        _file.Execute($"INSERT INTO EURUSD (timeframe, timestamp, open, high, low, close, seq, written_at) VALUES ('H1', {Bar}, 1.1, 1.2, 1.0, 1.15, 1, {Written / 1000})");
        var rejected = Assert.Single(new CollectorReader(_file.Path).Read("EURUSD", 0, 10).Quarantined);
        Assert.Contains("(written_at 1641340800 = 1970-01-19 23:55:40 UTC)", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_indicator_engine_writes_passes_the_checks_on_every_timeframe()
    {
        // The C# writers (synthetic, replay, backfill, the demo) and the development seed all use this engine.
        foreach (var settings in new[] { new IndicatorSettings(), DevSeedWriter.Settings })
        {
            var market = new SyntheticMarket(["EURUSD", "USDJPY", "BTCUSD"], settings: settings);
            var bars = market.Symbols.SelectMany(s => market.History(s, 1_641_254_400, 1_641_254_400 + (10 * 86_400L)).Concat(market.Forming(s))).ToList();
            Assert.Contains(bars, b => b.Indicators.MomentumCandles != "[]");
            Assert.Contains(bars, b => b.Indicators.KeltnerChannels is not null);
            foreach (var bar in bars)
            {
                var v = bar.Indicators;
                foreach (var (column, json) in new[]
                {
                    ("fractals", v.Fractals), ("horizontal_trendlines", v.HorizontalTrendlines), ("diagonal_trendlines", v.DiagonalTrendlines),
                    ("momentum_candles", v.MomentumCandles), ("keltner_channels", v.KeltnerChannels), ("zigzag", v.ZigZag),
                })
                {
                    Assert.True(IndicatorShapes.Check(column, json) is null, $"{bar.Timeframe} {bar.Bar.Time} {column}: {IndicatorShapes.Check(column, json)}");
                }
            }
        }
    }

    [Fact]
    public void The_quarantine_file_keeps_each_row_once_with_its_reason_and_survives_a_restart()
    {
        Insert("fractals", 1, Bar, """{"peaks":[1],"bottoms":[]}""");
        Insert("fractals", 2, Bar + 3600, null);
        Insert("keltner_channels", 3, Bar + 7200, "{}");
        var read = new CollectorReader(_file.Path).Read("EURUSD", 0, 10);
        var quarantine = new CollectorQuarantine(_file.Path);
        var now = DateTimeOffset.FromUnixTimeMilliseconds(Written);
        try
        {
            Assert.Equal(_file.Path + ".quarantine.jsonl", quarantine.Path);
            Assert.Equal(2, quarantine.Record(read.Quarantined, now));
            // Read again after a crash before the cursor moved: recorded once, not twice.
            Assert.Equal(0, new CollectorQuarantine(_file.Path).Record(read.Quarantined, now));
            // A line cut short by a crash does not swallow the next record.
            File.AppendAllText(quarantine.Path, "{\"recorded_at\":\"2022");
            Insert("fractals", 4, Bar + 10800, "[]");
            var later = new CollectorReader(_file.Path).Read("EURUSD", 3, 10).Quarantined;
            Assert.Equal(1, new CollectorQuarantine(_file.Path).Record(later, now));

            var records = CollectorQuarantine.ReadRecords(quarantine.Path).ToList();
            Assert.Equal([1L, 3L, 4L], records.Select(r => r.GetProperty("seq").GetInt64()));
            Assert.Equal(3, new CollectorQuarantine(_file.Path).Count);
            var first = records[0];
            Assert.Equal("fractals.peaks[0] must be a JSON object {time, price}, got 1", first.GetProperty("reason").GetString());
            Assert.Equal(("EURUSD", "H1", Bar, Written), (first.GetProperty("symbol").GetString(), first.GetProperty("timeframe").GetString(),
                first.GetProperty("timestamp").GetInt64(), first.GetProperty("written_at").GetInt64()));
            Assert.Equal("""{"peaks":[1],"bottoms":[]}""", first.GetProperty("row").GetProperty("fractals").GetString());
            Assert.Equal("2022-01-05T00:00:00.000Z", first.GetProperty("recorded_at").GetString());
        }
        finally
        {
            File.Delete(quarantine.Path);
        }
    }

    private void Insert(string column, long seq, long time, string? json) =>
        _file.Execute($"INSERT INTO EURUSD (timeframe, timestamp, open, high, low, close, {column}, seq, written_at) " +
            $"VALUES ('H1', {time}, 1.1, 1.2, 1.0, 1.15, {(json is null ? "NULL" : "'" + json.Replace("'", "''", StringComparison.Ordinal) + "'")}, {seq}, {Written})");

    public void Dispose() => _file.Dispose();
}
