using System.Collections.Concurrent;
using Orleans.Runtime;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Grains.Signals;
using TradingAlerts.Indicators.Synthetic;

namespace TradingAlerts.IntegrationTests.Grid;

/// <summary>
/// TimeframeGrain.Apply on a real cluster and database is all-or-nothing: a batch the grain refuses changes
/// nothing (memory, version, PostgreSQL, cursor, observers) and its corrected re-delivery is heard by
/// observers; a batch carrying values the grain cannot parse applies whole, with those values as missing.
/// </summary>
public sealed class AllOrNothingApplyTests(GridClusterFixture grid) : IClassFixture<GridClusterFixture>
{
    private const string Malformed = """{"peaks":[1],"bottoms":[]}""";

    private sealed class Observer : IBarObserver
    {
        public ConcurrentQueue<BarRecord> Bars { get; } = new();

        public void OnChanges(PairChanges changes)
        {
            foreach (var bar in changes.Bars.Select(v => v.Bar))
            {
                Bars.Enqueue(bar);
            }
        }
    }

    private async Task<(BarRecord[] Rows, Observer Observer)> Seeded(string symbol, Timeframe timeframe)
    {
        var history = new SyntheticMarket([symbol]).History(symbol, 1_641_254_400, 1_641_254_400 + (2 * 86_400L))
            .Select((b, i) => b.ToRecord() with { Seq = i + 1, WrittenAtMs = 1 }).ToArray();
        await grid.Grains.GetGrain<ISymbolGrain>(symbol).Ingest(new IngestBatch(symbol, "a.db", history, history[^1].Seq));
        var observer = new Observer();
        await grid.Grains.GetGrain<ITimeframeGrain>(new Pair(symbol, timeframe).Key).Subscribe(grid.Grains.CreateObjectReference<IBarObserver>(observer));
        return ([.. history.Where(r => r.Timeframe == timeframe)], observer);
    }

    [Fact]
    public async Task A_refused_batch_changes_nothing_and_the_corrected_redelivery_is_heard_by_observers()
    {
        var (rows, observer) = await Seeded("AUDUSD", Timeframe.H4);
        var grain = grid.Grains.GetGrain<ITimeframeGrain>("AUDUSD/H4");
        var symbol = grid.Grains.GetGrain<ISymbolGrain>("AUDUSD");
        var before = await grain.GetBars(1000);
        var latestBefore = await grain.GetLatest();
        var cursor = await symbol.GetCursor("a.db");
        var last = rows[^1];

        // A good new bar, then one whose close is not a number: the grain refuses the whole call.
        var good = last with { Time = last.Time + 14_400, Seq = cursor + 1 };
        var broken = last with { Time = last.Time + 28_800, Close = double.NaN, Seq = cursor + 2 };
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => symbol.Ingest(new IngestBatch("AUDUSD", "a.db", [good, broken], cursor + 2)));
        Assert.Contains($"AUDUSD/H4 bar {broken.Time} (seq {broken.Seq}): unusable OHLC", ex.Message, StringComparison.Ordinal);

        var after = await grain.GetBars(1000);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Time, after.Time);
        Assert.Equal(before.Close, after.Close);
        Assert.Equal(latestBefore, await grain.GetLatest());
        Assert.Equal(cursor, await symbol.GetCursor("a.db"));
        Assert.Equal(0L, await grid.Database.ScalarAsync<long>($"SELECT count(*) FROM audusd_h4 WHERE timestamp >= to_timestamp({good.Time})"));

        // The collector's corrected rows are delivered again: every part changes, observers included.
        var fixedBar = broken with { Close = last.Close, Seq = cursor + 3 };
        var result = await symbol.Ingest(new IngestBatch("AUDUSD", "a.db", [good, fixedBar], cursor + 3));
        Assert.Equal(2, result.BarsWritten);
        await Eventually.UntilAsync("the observer to receive two bars", () => observer.Bars.Count >= 2, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([good.Time, fixedBar.Time], observer.Bars.Select(b => b.Time));
        var applied = await grain.GetBars(1000);
        Assert.Equal(before.Version + 1, applied.Version);
        Assert.Equal([.. before.Time, good.Time, fixedBar.Time], applied.Time);
        Assert.Equal(fixedBar, await grain.GetLatest());
        Assert.Equal(2L, await grid.Database.ScalarAsync<long>($"SELECT count(*) FROM audusd_h4 WHERE timestamp >= to_timestamp({good.Time})"));
    }

    [Fact]
    public async Task A_batch_carrying_values_the_grain_cannot_parse_applies_whole_with_those_values_missing()
    {
        var (rows, observer) = await Seeded("NZDUSD", Timeframe.H1);
        var grain = grid.Grains.GetGrain<ITimeframeGrain>("NZDUSD/H1");
        var symbol = grid.Grains.GetGrain<ISymbolGrain>("NZDUSD");
        var version = (await grain.GetBars(1)).Version;
        var cursor = await symbol.GetCursor("a.db");
        var last = rows[^1];

        // As seen in the field: valid JSON of the wrong shape, here handed to the grid without the reader's check.
        var first = last with { Time = last.Time + 3600, Seq = cursor + 1 };
        var malformed = last with
        {
            Time = last.Time + 7200,
            Seq = cursor + 2,
            Indicators = last.Indicators with { Fractals = Malformed, MomentumCandles = """[{"time":"soon","direction":"bullish"}]""" },
        };
        var result = await symbol.Ingest(new IngestBatch("NZDUSD", "a.db", [first, malformed], cursor + 2));

        Assert.Equal(2, result.BarsWritten);
        var expected = malformed with { Indicators = malformed.Indicators with { Fractals = null, MomentumCandles = null } };
        await Eventually.UntilAsync("the observer to receive two bars", () => observer.Bars.Count >= 2, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([first, expected], observer.Bars);
        Assert.Equal(version + 1, (await grain.GetBars(1)).Version);
        Assert.Equal(expected, await grain.GetLatest());
        // The signal is the latest bar's, with the fractal vote absent (its input is missing); momentum looks back over held bars.
        var signal = await grain.GetSignal();
        Assert.Equal(malformed.Time, signal!.BarTime);
        Assert.DoesNotContain(SignalCalculator.FractalBreak, signal.Votes.Keys);
        Assert.Equal(
            SignalCalculator.Compute(expected, StructureSnapshot.Parse(expected.Indicators), 0).Votes.Where(v => v.Key != SignalCalculator.Momentum).OrderBy(v => v.Key),
            signal.Votes.Where(v => v.Key != SignalCalculator.Momentum).OrderBy(v => v.Key));
        Assert.Equal([(first.Time, false), (malformed.Time, true)], await grid.Database.QueryAsync(
            $"SELECT extract(epoch FROM timestamp)::bigint, fractals IS NULL FROM nzdusd_h1 WHERE timestamp > to_timestamp({last.Time}) ORDER BY timestamp",
            r => (r.GetInt64(0), r.GetBoolean(1))));

        // A re-delivery of the same rows is harmless and changes nothing more.
        Assert.Equal(0, (await symbol.Ingest(new IngestBatch("NZDUSD", "a.db", [first, malformed], cursor + 3))).BarsWritten);
        Assert.Equal(version + 1, (await grain.GetBars(1)).Version);
    }

    [Fact]
    public async Task Unusable_stored_values_count_as_missing_when_a_grain_reactivates()
    {
        var (rows, _) = await Seeded("GBPJPY", Timeframe.M30);
        var last = rows[^1];
        // Written behind the grid's back: wrong shapes, a non-number, and a later bar without a usable close.
        await Execute($"UPDATE gbpjpy_m30 SET fractals = '{Malformed}', keltner_channels = '\"wide\"', zigzag = '[]', smma = 'Infinity' " +
            $"WHERE timestamp = to_timestamp({last.Time})");
        await Execute($"INSERT INTO gbpjpy_m30 (timestamp, open, high, low, close) VALUES (to_timestamp({last.Time + 1800}), 150, 151, 149, 'NaN')");
        await grid.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);

        var grain = grid.Grains.GetGrain<ITimeframeGrain>("GBPJPY/M30");
        var bars = await grain.GetBars(10_000);
        Assert.Equal(rows.Select(r => r.Time).TakeLast(500), bars.Time); // the bar without a close is left out
        var latest = await grain.GetLatest();
        Assert.Equal(last.Time, latest!.Time);
        Assert.Equal((null, null, null, (double?)null), (latest.Indicators.Fractals, latest.Indicators.KeltnerChannels, latest.Indicators.ZigZag, latest.Indicators.Smma));
        Assert.Equal(last.Indicators.Tema, latest.Indicators.Tema);
        // Usable values stay, the structures too: rehydration reads them for the newest stored row only, so for the
        // bar that is latest instead they are read again (JSON compared as stored: PostgreSQL's jsonb text).
        Assert.NotNull(latest.Indicators.HorizontalTrendlines);
        Assert.Equal(await StoredJson("horizontal_trendlines", last.Time), latest.Indicators.HorizontalTrendlines);
        Assert.Equal(await StoredJson("diagonal_trendlines", last.Time), latest.Indicators.DiagonalTrendlines);
        Assert.NotNull(await grain.GetSignal());
    }

    private async Task<string?> StoredJson(string column, long time)
    {
        await using var command = grid.Database.DataSource.CreateCommand($"SELECT {column}::text FROM gbpjpy_m30 WHERE timestamp = to_timestamp({time})");
        return (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    private async Task Execute(string sql)
    {
        await using var command = grid.Database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
