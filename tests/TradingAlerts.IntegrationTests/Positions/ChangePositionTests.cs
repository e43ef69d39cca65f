using Orleans.Runtime;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Indicators.Synthetic;
using static TradingAlerts.IntegrationTests.Positions.TestBars;

namespace TradingAlerts.IntegrationTests.Positions;

/// <summary>
/// Change positions on a real cluster and PostgreSQL: every accepted change gets the pair's next position, written
/// with its row; positions continue above the old ones after a deactivation and a cluster restart; "changes since"
/// is the same from memory and from PostgreSQL, compacted and paged; what cannot be answered is a reset.
/// Bars answered from memory still carry the collector's seq, bars read from PostgreSQL do not (seq 0): that is
/// how a test tells which path answered.
/// </summary>
public sealed class ChangePositionTests(PositionsFixture grid) : IClassFixture<PositionsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ITimeframeGrain Grain(Pair pair) => grid.Grains.GetGrain<ITimeframeGrain>(pair.Key);

    private async Task<ChangeRecorder> Observe(Pair pair)
    {
        var recorder = new ChangeRecorder();
        await Grain(pair).Subscribe(grid.Grains.CreateObjectReference<IBarObserver>(recorder));
        return recorder;
    }

    private Task Deactivate() => grid.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, Ct);

    [Fact]
    public async Task Every_change_gets_the_next_position_and_each_change_set_follows_the_last()
    {
        var pair = new Pair("EURUSD", Timeframe.H1);
        var grain = Grain(pair);
        Assert.Equal(0, await grain.GetPosition()); // an empty table: nothing handed out yet
        var sets = await Observe(pair);

        // Five new bars: positions 1..5 in time order, all but the newest closed.
        Assert.Equal(5, await grain.Apply([.. Enumerable.Range(0, 5).Select(i => Bar(pair, i, 100 + i, seq: i + 1))]));
        // The newest rewritten and a new bar given three times in one batch: one version of it, the highest seq.
        var rewritten = Bar(pair, 4, 104.5, seq: 6);
        var newest = Bar(pair, 5, 105.9, seq: 9);
        Assert.Equal(2, await grain.Apply([rewritten, Bar(pair, 5, 105.1, seq: 7), newest, Bar(pair, 5, 105.5, seq: 8)]));
        // The same again changes nothing: no position, no change set.
        Assert.Equal(0, await grain.Apply([rewritten, newest]));
        Assert.Equal(7, await grain.GetPosition());
        // A late bar (older than all held) and the newest rewritten again.
        var late = Bar(pair, -1, 99, seq: 10);
        var final = newest with { Indicators = newest.Indicators with { Tema = 105.2 }, Seq = 11 };
        Assert.Equal(2, await grain.Apply([final, late]));

        await Eventually.UntilAsync("three change sets", () => sets.Sets.Count >= 3, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20), cancellationToken: Ct);
        var received = sets.Sets.ToList();
        Assert.Equal([(0L, 5L), (5L, 7L), (7L, 9L)], received.Select(s => (s.After, s.Position)));
        Assert.All(received, s => Assert.Equal((pair.Key, false, s.Position), (s.Pair, s.Reset, s.Current)));
        Assert.All(received, s => Assert.Equal(Enumerable.Range((int)s.After + 1, (int)(s.Position - s.After)).Select(p => (long)p), s.Bars.Select(b => b.Position)));
        Assert.Equal([(0, true), (1, true), (2, true), (3, true), (4, false)], received[0].Bars.Select(b => ((int)((b.Bar.Time - Start) / 3600), b.Closed)));
        Assert.Equal([(rewritten, true), (newest, false)], received[1].Bars.Select(b => (b.Bar, b.Closed)));
        Assert.Equal([(late, true), (final, false)], received[2].Bars.Select(b => (b.Bar, b.Closed)));
        Assert.Equal(9, await grain.GetPosition());

        // Each row holds the position of its newest version.
        Assert.Equal([(-1, 8L), (0, 1L), (1, 2L), (2, 3L), (3, 4L), (4, 6L), (5, 9L)], await grid.Database.QueryAsync(
            $"SELECT extract(epoch FROM timestamp)::bigint, change_seq FROM {pair.TableName} ORDER BY timestamp",
            r => ((int)((r.GetInt64(0) - Start) / 3600), r.GetInt64(1))));

        // Everything since 0 from memory: once per bar, by position, closed but for the newest.
        var all = await grain.GetChangesSince(0, 100);
        Assert.Equal((0L, 9L, 9L, false), (all.After, all.Position, all.Current, all.Reset));
        Assert.Equal([1L, 2, 3, 4, 6, 8, 9], all.Bars.Select(b => b.Position));
        Assert.Equal([true, true, true, true, true, true, false], all.Bars.Select(b => b.Closed));
        Assert.Equal(final, all.Bars[^1].Bar);
        Assert.All(all.Bars, b => Assert.NotEqual(0, b.Bar.Seq));
    }

    [Fact]
    public async Task Positions_continue_above_the_old_ones_after_a_deactivation_and_a_cluster_restart()
    {
        var pair = new Pair("GBPUSD", Timeframe.H4);
        Assert.Equal(3, await Grain(pair).Apply([.. Enumerable.Range(0, 3).Select(i => Bar(pair, i, 1.3 + (i / 100.0), seq: i + 1))]));
        Assert.Equal(3, await Grain(pair).GetPosition());

        await Deactivate();
        Assert.Equal(3, await Grain(pair).GetPosition());
        Assert.Equal(1, await Grain(pair).Apply([Bar(pair, 3, 1.4, seq: 4)]));
        var sinceThree = await Grain(pair).GetChangesSince(3, 10);
        Assert.Equal([4L], sinceThree.Bars.Select(b => b.Position));

        await grid.RestartAsync();
        var grain = Grain(pair);
        Assert.Equal(4, await grain.GetPosition());
        var sets = await Observe(pair);
        var rewrite = Bar(pair, 3, 1.41, seq: 5);
        Assert.Equal(1, await grain.Apply([rewrite]));
        await Eventually.UntilAsync("the change set", () => !sets.Sets.IsEmpty, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20), cancellationToken: Ct);
        var set = Assert.Single(sets.Sets);
        Assert.Equal((4L, 5L), (set.After, set.Position));
        Assert.Equal((5L, rewrite, false), (set.Bars.Single().Position, set.Bars.Single().Bar, set.Bars.Single().Closed));

        // From before the restart: PostgreSQL answers (seq 0), each bar once at its newest position.
        var all = await grain.GetChangesSince(0, 100);
        Assert.False(all.Reset);
        Assert.Equal([1L, 2, 3, 5], all.Bars.Select(b => b.Position));
        Assert.All(all.Bars, b => Assert.Equal(0, b.Bar.Seq));
        Assert.Equal(await VersionRow.StoredAsync(grid.Database, pair, 0), all.Bars.Select(VersionRow.Of));
        Assert.Equal(1.41, all.Bars[^1].Bar.Close);
    }

    [Fact]
    public async Task Changes_since_are_the_same_from_memory_and_from_PostgreSQL_compacted_and_paged()
    {
        var pair = new Pair("XAUUSD", Timeframe.M15);
        var history = new SyntheticMarket([pair.Symbol]).History(pair.Symbol, Start, Start + (2 * 86_400L))
            .Select(b => b.ToRecord()).Where(b => b.Timeframe == pair.Timeframe).Select((b, i) => b with { Seq = i + 1 }).ToList();
        var n = history.Count; // positions 1..n, then the rewrites n+1..n+3
        Assert.True(n > 100);
        var grain = Grain(pair);
        foreach (var chunk in history.Chunk(20))
        {
            await grain.Apply(chunk);
        }

        // The newest bar rewritten three times after position n.
        var last = history[^1];
        for (var k = 1; k <= 3; k++)
        {
            await grain.Apply([last with { Close = last.Close + k, High = last.High + k, Seq = 1000 + k }]);
        }

        Assert.Equal(n + 3, await grain.GetPosition());

        // The log holds the 8 newest bars (positions n-7..n-1 and n+3): from n-8 memory answers, below it PostgreSQL.
        var memory = await grain.GetChangesSince(n - 8, 100);
        var stored = await grain.GetChangesSince(n - 9, 100);
        Assert.All(memory.Bars, b => Assert.NotEqual(0, b.Bar.Seq));
        Assert.All(stored.Bars, b => Assert.Equal(0, b.Bar.Seq));
        Assert.Equal([.. Enumerable.Range(n - 7, 7).Select(p => (long)p), n + 3], memory.Bars.Select(b => b.Position));
        Assert.Equal(stored.Bars.Skip(1).Select(b => (VersionRow.Of(b), b.Closed)), memory.Bars.Select(b => (VersionRow.Of(b), b.Closed)));
        Assert.Equal(await VersionRow.StoredAsync(grid.Database, pair, n - 8), memory.Bars.Select(VersionRow.Of));
        Assert.Equal(await VersionRow.StoredAsync(grid.Database, pair, n - 9), stored.Bars.Select(VersionRow.Of));
        Assert.Equal([.. Enumerable.Repeat(true, 7), false], memory.Bars.Select(b => b.Closed));

        // Compaction: rewritten three times since n, the bar comes once, at its final values and position.
        var sinceRewrites = await grain.GetChangesSince(n, 100);
        var only = Assert.Single(sinceRewrites.Bars);
        Assert.Equal((n + 3L, last.Time, last.Close + 3, false), (only.Position, only.Bar.Time, only.Bar.Close, only.Closed));

        // Pages of 3: from memory and from PostgreSQL, each full page ends at its last version, the last at Current.
        Assert.Equal(memory.Bars.Select(VersionRow.Of), (await Paged(grain, n - 8, 3)).Select(VersionRow.Of));
        Assert.Equal(await VersionRow.StoredAsync(grid.Database, pair, 100), (await Paged(grain, 100, 3)).Select(VersionRow.Of));

        // After a deactivation the log is empty: the same range from PostgreSQL, still compacted.
        await Deactivate();
        var fromStore = await Grain(pair).GetChangesSince(n, 100);
        var stillOnly = Assert.Single(fromStore.Bars);
        Assert.Equal((n + 3L, 0L), (stillOnly.Position, stillOnly.Bar.Seq));
        Assert.Equal(VersionRow.Of(only), VersionRow.Of(stillOnly));
    }

    private static async Task<List<BarVersion>> Paged(ITimeframeGrain grain, long after, int max)
    {
        var versions = new List<BarVersion>();
        for (var page = 0; page < 1000; page++)
        {
            var changes = await grain.GetChangesSince(after, max);
            Assert.False(changes.Reset);
            Assert.InRange(changes.Bars.Length, 0, max);
            Assert.All(changes.Bars, b => Assert.InRange(b.Position, after + 1, changes.Position));
            Assert.Equal(changes.Bars.Length == max ? changes.Bars[^1].Position : changes.Current, changes.Position);
            versions.AddRange(changes.Bars);
            if (changes.Position == changes.Current)
            {
                return versions;
            }

            after = changes.Position;
        }

        throw new InvalidOperationException("paging never reached Current");
    }

    [Fact]
    public async Task Positions_never_handed_out_are_answered_with_a_reset_carrying_the_latest_bars()
    {
        var pair = new Pair("USDJPY", Timeframe.D1);
        var bars = Enumerable.Range(0, 5).Select(i => Bar(pair, i, 110 + i, seq: i + 1, tema: 110.5 + i)).ToArray();
        await Grain(pair).Apply(bars);

        var future = await Grain(pair).GetChangesSince(6, 3);
        Assert.Equal((6L, 5L, 5L, true), (future.After, future.Position, future.Current, future.Reset));
        Assert.Equal([(3L, true), (4L, true), (5L, false)], future.Bars.Select(b => (b.Position, b.Closed)));
        Assert.Equal(bars[^1], future.Bars[^1].Bar);
        Assert.Equal(bars[2..].Select(b => (b.Time, b.Close, b.Indicators.Tema)), future.Bars.Select(b => (b.Bar.Time, b.Bar.Close, b.Bar.Indicators.Tema)));

        var negative = await Grain(pair).GetChangesSince(-1, 100);
        Assert.True(negative.Reset);
        Assert.Equal([1L, 2, 3, 4, 5], negative.Bars.Select(b => b.Position));

        var current = await Grain(pair).GetChangesSince(5, 100);
        Assert.Equal((5L, 5L, false, 0), (current.Position, current.Current, current.Reset, current.Bars.Length));

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Grain(pair).GetChangesSince(0, 0));
    }

    [Fact]
    public async Task A_failed_write_leaves_the_position_and_memory_and_its_positions_are_never_used_again()
    {
        var pair = new Pair("AUDUSD", Timeframe.H2);
        var grain = Grain(pair);
        Assert.Equal(2, await grain.Apply([Bar(pair, 0, 0.7, seq: 1), Bar(pair, 1, 0.71, seq: 2)]));
        var before = await grain.GetChangesSince(0, 100);

        // PostgreSQL refuses the write (the table is gone for a moment): nothing changes.
        await Execute($"ALTER TABLE {pair.TableName} RENAME TO {pair.TableName}_away");
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => grain.Apply([Bar(pair, 2, 0.72, seq: 3), Bar(pair, 3, 0.73, seq: 4)]));
        }
        finally
        {
            await Execute($"ALTER TABLE {pair.TableName}_away RENAME TO {pair.TableName}");
        }

        Assert.Equal(2, await grain.GetPosition());
        var unchanged = await grain.GetChangesSince(0, 100);
        Assert.Equal(before.Bars.Select(b => (b.Position, b.Bar)), unchanged.Bars.Select(b => (b.Position, b.Bar)));
        Assert.Equal(2, (await grain.GetBars(100)).Time.Length);

        // The redelivery gets new positions above the two the failed write would have used; the set still follows 2.
        var sets = await Observe(pair);
        Assert.Equal(2, await grain.Apply([Bar(pair, 2, 0.72, seq: 3), Bar(pair, 3, 0.73, seq: 4)]));
        await Eventually.UntilAsync("the change set", () => !sets.Sets.IsEmpty, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20), cancellationToken: Ct);
        var set = Assert.Single(sets.Sets);
        Assert.Equal((2L, 6L), (set.After, set.Position));
        Assert.Equal([5L, 6], set.Bars.Select(b => b.Position));
        Assert.Equal([1L, 2, 5, 6], (await VersionRow.StoredAsync(grid.Database, pair, 0)).Select(r => r.Position));
    }

    private async Task Execute(string sql)
    {
        await using var command = grid.Database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Ct);
    }

    [Fact]
    public async Task Embedded_positions_continue_above_an_earlier_activation_and_what_it_handed_out_is_a_reset()
    {
        await using var cluster = await PositionsFixture.StartEmbeddedAsync();
        var pair = new Pair("EURUSD", Timeframe.M5);
        var grain = cluster.Client.GetGrain<ITimeframeGrain>(pair.Key);
        var start = await grain.GetPosition();
        Assert.Equal(3, await grain.Apply([.. Enumerable.Range(0, 3).Select(i => Bar(pair, i, 1.1 + (i / 100.0), seq: i + 1))]));
        Assert.Equal(start + 3, await grain.GetPosition());
        var fromMemory = await grain.GetChangesSince(start, 10);
        Assert.Equal([start + 1, start + 2, start + 3], fromMemory.Bars.Select(b => b.Position));
        Assert.Equal([true, true, false], fromMemory.Bars.Select(b => b.Closed));

        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, Ct);
        var restarted = await grain.GetPosition();
        Assert.True(restarted > start + 3, $"a new activation starts at {restarted}, not above {start + 3}");
        var old = await grain.GetChangesSince(start + 1, 10);
        Assert.Equal((true, restarted, restarted, 0), (old.Reset, old.Position, old.Current, old.Bars.Length)); // nothing is kept
        Assert.Equal((false, 0), ((await grain.GetChangesSince(restarted, 10)).Reset, (await grain.GetChangesSince(restarted, 10)).Bars.Length));

        Assert.Equal(1, await grain.Apply([Bar(pair, 3, 1.2, seq: 4)]));
        var again = await grain.GetChangesSince(restarted, 10);
        Assert.Equal([restarted + 1], again.Bars.Select(b => b.Position));
        Assert.Equal(restarted + 1, await grain.GetPosition());
    }
}
