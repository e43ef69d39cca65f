using Microsoft.Extensions.Time.Testing;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Feeds;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.Tests.Sqlite;

namespace TradingAlerts.Tests.Feeds;

public sealed class SyntheticFeedTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2022, 1, 5, 12, 2, 30, TimeSpan.Zero);
    private readonly ScratchCollectorFile _file = new();
    private readonly FakeTimeProvider _clock = new(Now);

    [Fact]
    public void History_covers_every_symbol_and_timeframe_at_each_instruments_price_scale()
    {
        using var writer = new CollectorWriter(_file.Path, _clock);
        var feed = new SyntheticFeed(writer, new SyntheticMarket(Symbols.All), _clock);
        var to = feed.Now;
        Assert.Equal(Timeframe.M5.BucketStart(Now.ToUnixTimeSeconds()), to);
        feed.WriteHistory(to - 86_400, to, cancellationToken: TestContext.Current.CancellationToken);

        var reader = new CollectorReader(_file.Path);
        foreach (var symbol in Symbols.All)
        {
            var rows = reader.Read(symbol, 0, 100_000);
            Assert.Empty(rows.Quarantined);
            var byTf = rows.Rows.GroupBy(r => r.Timeframe).ToDictionary(g => g.Key, g => g.ToList());
            Assert.All(Timeframes.All, tf =>
            {
                // Every bar that opened in the day, the last still forming.
                var expected = (to - tf.BucketStart(to - 86_400) + tf.Seconds() - 1) / tf.Seconds();
                Assert.Equal(expected, byTf[tf].Count);
            });
            var profile = InstrumentProfile.All[symbol];
            Assert.All(rows.Rows, r =>
            {
                Assert.All(new[] { r.Open, r.High, r.Low, r.Close }, p => Assert.Equal(Math.Round(p, profile.Decimals), p));
                Assert.InRange(r.Close, profile.Start * 0.8, profile.Start * 1.2);
            });
        }
    }

    [Fact]
    public async Task Live_cycles_rewrite_the_forming_bars_and_open_new_ones_as_time_passes()
    {
        using var writer = new CollectorWriter(_file.Path, _clock);
        var feed = new SyntheticFeed(writer, new SyntheticMarket(["EURUSD", "USDJPY"]), _clock);
        var start = feed.Now;
        feed.WriteHistory(start - 3600, start, cancellationToken: TestContext.Current.CancellationToken);
        // The strictest check (broker clock = UTC): at 60x the simulated collector still never writes a bar before its time.
        var reader = new CollectorReader(_file.Path, validation: new CollectorValidation(TimeSpan.Zero));
        var cursor = reader.Read("EURUSD", 0, 100_000).LastSeq;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        // 1 s cycles at 60x: each cycle moves prices over one simulated minute.
        var live = feed.RunLiveAsync(start, TimeSpan.FromSeconds(1), speed: 60, cancellationToken: stop.Token);
        var updates = new List<BarRecord>();
        for (var cycle = 1; cycle <= 6; cycle++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            var batch = await NextBatch(reader, cursor);
            Assert.Empty(batch.Quarantined);
            updates.AddRange(batch.Rows);
            cursor = batch.LastSeq;
        }

        await stop.CancelAsync();
        var stats = await live;
        Assert.Equal(6, stats.Cycles);
        // Simulated minutes 0–4 update the M5 bar that opened at start; minute 5 closes it and opens the next.
        var m5 = updates.Where(u => u.Timeframe == Timeframe.M5).ToList();
        Assert.Equal(5, m5.Count(u => u.Time == start));
        Assert.Contains(m5, u => u.Time == start + 300);
        Assert.Contains(updates, u => u.Timeframe == Timeframe.D1);
    }

    private static Task<CollectorReadResult> NextBatch(CollectorReader reader, long cursor) =>
        Eventually.UntilAsync($"EURUSD rows after seq {cursor}", () => Task.FromResult(reader.Read("EURUSD", cursor, 100_000)), b => b.Count > 0,
            TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(10));

    public void Dispose() => _file.Dispose();
}
