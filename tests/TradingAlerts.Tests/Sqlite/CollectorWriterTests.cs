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
