using Microsoft.Extensions.Time.Testing;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.Tests.Sqlite;

public sealed class CollectorWriterTests : IDisposable
{
    private readonly ScratchCollectorFile _file = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 1, 4, 18, 0, 0, TimeSpan.Zero));

    private static BarRecord Bar(Timeframe tf, long time, double close, double? tema = null) =>
        new(tf, time, 1.1, Math.Max(1.2, close), Math.Min(1.0, close), close, IndicatorValues.None with { Tema = tema }, 0, 0);

    [Fact]
    public void Every_write_takes_the_next_seq_and_the_time_of_the_write()
    {
        using var writer = new CollectorWriter(_file.Path, _clock);
        Assert.Equal(2, writer.Write("EURUSD", [Bar(Timeframe.H1, 3600, 1.1), Bar(Timeframe.M5, 3600, 1.1)]));
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, writer.Write("EURUSD", [Bar(Timeframe.H1, 3600, 1.15)])); // forming bar rewritten

        var rows = new CollectorReader(_file.Path).Read("EURUSD", 0, 100).Rows;
        Assert.Equal([(Timeframe.M5, 2L), (Timeframe.H1, 3L)], rows.Select(r => (r.Timeframe, r.Seq)));
        Assert.Equal(1.15, rows[1].Close);
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeMilliseconds(), rows[1].WrittenAtMs);
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeMilliseconds() - 30_000, rows[0].WrittenAtMs);
    }

    [Fact]
    public void Volumes_are_written_and_read_back_and_a_volume_change_alone_is_a_change()
    {
        using var writer = new CollectorWriter(_file.Path, _clock);
        writer.Write("US30", [Bar(Timeframe.M5, 300, 1.1) with { TickVolume = 250, Spread = 20, RealVolume = 9_000_000_000 }]);
        Assert.Equal(0, writer.Write("US30", [Bar(Timeframe.M5, 300, 1.1) with { TickVolume = 250, Spread = 20, RealVolume = 9_000_000_000 }]));
        Assert.Equal(1, writer.Write("US30", [Bar(Timeframe.M5, 300, 1.1) with { TickVolume = 251, Spread = 20, RealVolume = 9_000_000_000 }]));

        var row = Assert.Single(new CollectorReader(_file.Path).Read("US30", 0, 10).Rows);
        Assert.Equal((2L, 251L, 20, 9_000_000_000L), (row.Seq, row.TickVolume, row.Spread, row.RealVolume));
    }

    [Fact]
    public void A_file_from_before_the_volume_columns_is_read_with_0_and_a_writer_opening_it_adds_them_keeping_its_rows()
    {
        _file.Execute("""
            CREATE TABLE EURUSD (timeframe TEXT NOT NULL, timestamp INTEGER NOT NULL, open REAL NOT NULL, high REAL NOT NULL,
                low REAL NOT NULL, close REAL NOT NULL, fractals TEXT, horizontal_trendlines TEXT, diagonal_trendlines TEXT,
                momentum_candles TEXT, keltner_channels TEXT, tema REAL, hrma REAL, smma REAL, zigzag TEXT,
                seq INTEGER NOT NULL, written_at INTEGER NOT NULL, PRIMARY KEY (timeframe, timestamp));
            INSERT INTO EURUSD VALUES ('M5', 300, 1.1, 1.2, 1.0, 1.15, NULL, NULL, NULL, NULL, NULL, 1.12, NULL, NULL, NULL, 1, 1641319200000);
            """);
        var before = Assert.Single(new CollectorReader(_file.Path).Read("EURUSD", 0, 10).Rows);
        Assert.Equal((1.15, 0L, 0, 0L), (before.Close, before.TickVolume, before.Spread, before.RealVolume));

        using (var writer = new CollectorWriter(_file.Path, _clock))
        {
            writer.Write("EURUSD", [Bar(Timeframe.M5, 600, 1.1) with { TickVolume = 33, Spread = 8 }]);
        }

        var rows = new CollectorReader(_file.Path).Read("EURUSD", 0, 10).Rows;
        Assert.Equal([(1L, 300L, 1.15, 0L, 0), (2L, 600L, 1.1, 33L, 8)], rows.Select(r => (r.Seq, r.Time, r.Close, r.TickVolume, r.Spread)));
    }

    [Fact]
    public void Rewriting_a_bar_unchanged_leaves_it_and_its_seq_alone()
    {
        using var writer = new CollectorWriter(_file.Path, _clock);
        writer.Write("XAUUSD", [Bar(Timeframe.D1, 86_400, 1.1, tema: 1.05)]);
        Assert.Equal(0, writer.Write("XAUUSD", [Bar(Timeframe.D1, 86_400, 1.1, tema: 1.05)]));
        Assert.Equal(1, writer.Write("XAUUSD", [Bar(Timeframe.D1, 86_400, 1.1, tema: null)])); // an indicator change is a change
        Assert.Equal(2, new CollectorReader(_file.Path).Read("XAUUSD", 0, 10).LastSeq);
    }

    [Fact]
    public void Symbols_outside_the_catalogue_are_refused()
    {
        using var writer = new CollectorWriter(_file.Path, _clock);
        Assert.Throws<ArgumentException>(() => writer.Write("EURUSD.i", [Bar(Timeframe.H1, 3600, 1.1)]));
    }

    public void Dispose() => _file.Dispose();
}
