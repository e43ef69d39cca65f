using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Client;
using TradingAlerts.IntegrationTests.Grid;

namespace TradingAlerts.IntegrationTests.Client;

/// <summary>
/// Bar subscriptions of the client package on a real cluster writing through to PostgreSQL: whatever happens to the
/// grain or the reader, the updates, applied in order, end at exactly the bars written and stored (positions
/// included), each following the previous one's position, none twice.
/// </summary>
public sealed class GapFreeSubscriptionTests(GridClusterFixture grid) : IClassFixture<GridClusterFixture>
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(60);
    private const long Start = 1_641_254_400;

    [Fact]
    public async Task Across_grain_deactivations_every_bar_arrives_at_its_final_values_in_order()
    {
        var ct = TestContext.Current.CancellationToken;
        var flow = new BarFlow("USDCAD", [Timeframe.M5, Timeframe.H1], Start);
        await Steps(flow, 20, ct);

        await using var subscription = Subscriptions(o => o.RenewInterval = TimeSpan.FromSeconds(2)).SubscribeBars(flow.Pairs);
        await subscription.FirstRound.WaitAsync(Bounded, ct);
        Assert.Equal(2, subscription.Subscribed);
        var since = flow.Seq;
        var applied = new AppliedBars();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reader = applied.ReadAsync(subscription.Updates, stop.Token);

        // Bars keep flowing while every idle activation (the TimeframeGrains among them, and their observer lists) goes away.
        using var flowStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writing = flow.RunAsync(grid.Grains, TimeSpan.FromMilliseconds(10), flowStop.Token);
        var management = grid.Grains.GetGrain<IManagementGrain>(0);
        for (var i = 0; i < 4; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(600), ct);
            await management.ForceActivationCollection(TimeSpan.Zero, ct);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
        await flowStop.CancelAsync();
        await writing;

        await AssertCaughtUp(flow, applied, since, ct);
        Assert.Equal(0, applied.Resets); // PostgreSQL keeps the positions across activations: nothing to reset
        await stop.CancelAsync();
        await reader;
    }

    [Fact]
    public async Task A_reader_that_pauses_behind_a_tiny_buffer_is_caught_up_from_the_grain_never_left_with_a_hole()
    {
        var ct = TestContext.Current.CancellationToken;
        var flow = new BarFlow("USDCHF", [Timeframe.M5, Timeframe.M15], Start);
        await Steps(flow, 10, ct);

        await using var subscription = Subscriptions(o => (o.UpdateBuffer, o.CatchUpBatch) = (2, 5)).SubscribeBars(flow.Pairs);
        await subscription.FirstRound.WaitAsync(Bounded, ct);
        var since = flow.Seq;

        // Far more changes than the buffers hold while nobody reads.
        await Steps(flow, 300, ct);
        var applied = new AppliedBars();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reader = applied.ReadAsync(subscription.Updates, stop.Token);

        await AssertCaughtUp(flow, applied, since, ct);
        Assert.Equal(0, applied.Resets); // PostgreSQL holds every change: caught up, no reset needed
        Assert.True(applied.Updates < 600, $"{applied.Updates} updates for 600 changes: the gap was not read from the grain in pages");
        await stop.CancelAsync();
        await reader;
    }

    [Fact]
    public async Task A_subscription_from_a_position_resumes_with_exactly_the_changes_after_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var flow = new BarFlow("XAGUSD", [Timeframe.M5, Timeframe.H4], Start);
        var subscriptions = Subscriptions();
        await Steps(flow, 10, ct);

        // A first subscription follows for a while; where it got to is the resume point.
        var first = new AppliedBars();
        Dictionary<Pair, long> resume;
        await using (var subscription = subscriptions.SubscribeBars(flow.Pairs))
        {
            await subscription.FirstRound.WaitAsync(Bounded, ct);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var reader = first.ReadAsync(subscription.Updates, stop.Token);
            await Steps(flow, 30, ct);
            await Eventually.UntilAsync("the first subscription to reach the grains' positions", async () =>
                (await Task.WhenAll(flow.Pairs.Select(async p => first.Position(p) == await Grain(p).GetPosition()))).All(b => b), Bounded, cancellationToken: ct);
            resume = flow.Pairs.ToDictionary(p => p, p => first.Position(p)!.Value);
            await stop.CancelAsync();
            await reader;
        }

        Assert.Empty(first.Violations);
        var before = flow.Pairs.ToDictionary(p => p, flow.Written);
        await Steps(flow, 30, ct);

        // Resumed from there: exactly the bars written since (each at its last version), starting right after the resume point.
        var resumed = new AppliedBars(resume);
        await using (var subscription = subscriptions.SubscribeBars(flow.Pairs, resume))
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var reader = resumed.ReadAsync(subscription.Updates, stop.Token);
            await Eventually.UntilAsync("the resumed subscription to reach the grains' positions", async () =>
                (await Task.WhenAll(flow.Pairs.Select(async p => resumed.Position(p) == await Grain(p).GetPosition()))).All(b => b), Bounded, cancellationToken: ct);
            await stop.CancelAsync();
            await reader;
        }

        Assert.Empty(resumed.Violations);
        Assert.Equal(0, resumed.Resets);
        foreach (var pair in flow.Pairs)
        {
            var changedSince = flow.Written(pair).Where(w => !before[pair].TryGetValue(w.Key, out var old) || old != w.Value).ToDictionary(w => w.Key, w => w.Value);
            var held = resumed.State(pair);
            Assert.Equal(changedSince.Keys.Order(), held.Keys.Order());
            Assert.All(changedSince, w => Assert.Equal((w.Value.Open, w.Value.High, w.Value.Low, w.Value.Close), (held[w.Key].Bar.Open, held[w.Key].Bar.High, held[w.Key].Bar.Low, held[w.Key].Bar.Close)));
            Assert.DoesNotContain(resumed.Delivered(pair), p => p <= resume[pair]);
        }
    }

    [Fact]
    public async Task A_position_the_grid_never_handed_out_is_answered_by_a_reset_and_a_negative_one_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var flow = new BarFlow("XAUUSD", [Timeframe.H1], Start);
        await Steps(flow, 12, ct);
        var pair = flow.Pairs.Single();
        var subscriptions = Subscriptions();
        Assert.Throws<ArgumentOutOfRangeException>(() => subscriptions.SubscribeBars([pair], new Dictionary<Pair, long> { [pair] = -1 }));

        var current = await Grain(pair).GetPosition();
        await using var subscription = subscriptions.SubscribeBars([pair], new Dictionary<Pair, long> { [pair] = current + 1_000 });
        var update = await subscription.Updates.ReadAsync(ct).AsTask().WaitAsync(Bounded, ct);
        Assert.True(update.Changes.Reset, "a future position must be answered by a reset");
        Assert.Equal(current, update.Changes.Position);
        var written = flow.Written(pair);
        Assert.All(update.Bars, b => Assert.Equal(written[b.Time].Close, b.Close));
        Assert.Contains(update.Bars, b => b.Time == written.Keys.Max());
    }

    private ITimeframeGrain Grain(Pair pair) => grid.Grains.GetGrain<ITimeframeGrain>(pair.Key);

    private GridSubscriber Subscriptions(Action<TradingAlertsClientOptions>? configure = null)
    {
        var options = new TradingAlertsClientOptions();
        configure?.Invoke(options);
        return new GridSubscriber(grid.Grains, Options.Create(options), NullLogger<GridSubscriber>.Instance);
    }

    private async Task Steps(BarFlow flow, int count, CancellationToken ct)
    {
        for (var i = 0; i < count; i++)
        {
            await flow.StepAsync(grid.Grains, ct);
        }
    }

    private async Task AssertCaughtUp(BarFlow flow, AppliedBars applied, long since, CancellationToken ct)
    {
        await Eventually.UntilAsync("the subscriber to hold every bar as written and stored", async () =>
            (await SubscriberParity.DifferencesAsync(grid.Database, flow, applied, since)).Length == 0,
            Bounded, detail: () => SubscriberParity.DifferencesAsync(grid.Database, flow, applied, since), cancellationToken: ct);
        Assert.Empty(applied.Violations);
    }
}
