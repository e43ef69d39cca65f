using Microsoft.Extensions.Time.Testing;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Feeds;
using TradingAlerts.Indicators;
using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.Tests.Fixtures;
using TradingAlerts.Tests.Sqlite;

namespace TradingAlerts.Tests.Feeds;

public sealed class ReplayFeedTests : IDisposable
{
    private readonly ScratchCollectorFile _file = new();

    [Fact]
    public async Task Replaying_real_M1_writes_MT5s_M5_bars_and_rewrites_forming_bars_in_place()
    {
        var m1 = Fixture.Bars(Fixture.M1File);
        using (var writer = new CollectorWriter(_file.Path))
        {
            var stats = await new ReplayFeed(writer, "EURUSD.i").RunAsync(m1, speed: null, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(m1.Count, stats.Cycles);
        }

        // Tail the file like the ingest does, keeping the latest version of every bar.
        var reader = new CollectorReader(_file.Path);
        var latest = new Dictionary<(Timeframe, long), BarRecord>();
        long cursor = 0;
        for (var batch = reader.Read("EURUSD", 0, 5000); batch.Count > 0; batch = reader.Read("EURUSD", cursor, 5000))
        {
            Assert.Empty(batch.Quarantined);
            foreach (var row in batch.Rows)
            {
                latest[(row.Timeframe, row.Time)] = row;
            }

            cursor = batch.LastSeq;
        }

        var mt5 = Fixture.Bars(Fixture.M5File);
        var ours = latest.Values.Where(r => r.Timeframe == Timeframe.M5).OrderBy(r => r.Time).ToList();
        Assert.Equal(mt5.Select(b => (b.Time, b.Open, b.High, b.Low, b.Close)), ours.Select(r => (r.Time, r.Open, r.High, r.Low, r.Close)));
        // The tick volume of every M5 bar, as written to the file and read back, is MT5's own M5 Volume.
        Assert.Equal(mt5.Select(b => (b.Time, (long)b.Volume)), ours.Select(r => (r.Time, r.TickVolume)));
        Assert.Equal(48, latest.Keys.Count(k => k.Item1 == Timeframe.H1));
        Assert.Equal(2, latest.Keys.Count(k => k.Item1 == Timeframe.D1));
        // Every other timeframe: the sum of the fixture's M1 volumes inside the bar (what MT5 reports for it).
        foreach (var tf in Timeframes.All)
        {
            var expected = m1.GroupBy(b => b.Time - (b.Time % tf.Seconds())).OrderBy(g => g.Key).Select(g => (g.Key, (long)g.Sum(b => b.Volume)));
            Assert.Equal(expected, latest.Values.Where(r => r.Timeframe == tf).OrderBy(r => r.Time).Select(r => (r.Time, r.TickVolume)));
        }

        // The two days hold 206,106 ticks in both exports (M1 and M5 alike).
        Assert.Equal(206_106L, latest.Values.Where(r => r.Timeframe == Timeframe.D1).Sum(r => r.TickVolume));
        // Every write takes the next seq: far more writes than bars, because the forming bars of the nine
        // timeframes were rewritten on every M1 cycle. A reader tailing during the replay sees each rewrite.
        Assert.True(cursor > latest.Count + (3 * m1.Count), $"{cursor} writes for {latest.Count} bars");
        // Two days are 192 M15 bars: past TEMA(20)'s 58-bar warm-up by the end; 48 H1 bars are not.
        var lastM15 = latest.Values.Where(r => r.Timeframe == Timeframe.M15).MaxBy(r => r.Time)!;
        Assert.NotNull(lastM15.Indicators.Tema);
        Assert.NotNull(lastM15.Indicators.KeltnerChannels);
        Assert.Null(latest.Values.Where(r => r.Timeframe == Timeframe.H1).MaxBy(r => r.Time)!.Indicators.Tema);
    }

    [Fact]
    public async Task Speed_paces_cycles_on_the_clock()
    {
        var clock = new FakeTimeProvider();
        var bars = Fixture.Bars(Fixture.M1File).Take(3).ToList();
        using var writer = new CollectorWriter(_file.Path);
        var run = new ReplayFeed(writer, "EURUSD", clock).RunAsync(bars, speed: 60, cancellationToken: TestContext.Current.CancellationToken);

        // 60x: one M1 bar per simulated second. The first cycle is written at once, then it waits.
        await WaitForSeq(1);
        Assert.False(run.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));
        var stats = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.FromSeconds(3), stats.Elapsed);
    }

    [Fact]
    public void Input_must_be_M1_or_M5_in_time_order()
    {
        Ohlc At(long t) => new(t, 1, 1, 1, 1);
        Assert.Equal(60, ReplayFeed.InputPeriod([At(0), At(60), At(300)]));
        Assert.Equal(300, ReplayFeed.InputPeriod([At(0), At(300), At(900)]));
        Assert.Contains("smallest gap between bars is 3600 s", Assert.Throws<ArgumentException>(() => ReplayFeed.InputPeriod([At(0), At(3600)])).Message, StringComparison.Ordinal);
        Assert.Contains("not in time order", Assert.Throws<ArgumentException>(() => ReplayFeed.InputPeriod([At(60), At(0)])).Message, StringComparison.Ordinal);
        Assert.Contains("not aligned to 60 s", Assert.Throws<ArgumentException>(() => ReplayFeed.InputPeriod([At(0), At(60), At(130)])).Message, StringComparison.Ordinal);
    }

    private Task WaitForSeq(long seq)
    {
        var reader = new CollectorReader(_file.Path);
        return Eventually.UntilAsync($"EURUSD seq {seq} in the collector file", () => reader.Read("EURUSD", 0, 1000).LastSeq >= seq,
            TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(10));
    }

    public void Dispose() => _file.Dispose();
}
