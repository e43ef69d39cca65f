using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Abstractions.Ports;
using TradingAlerts.Grains;
using TradingAlerts.Indicators.Synthetic;

namespace TradingAlerts.IntegrationTests.Grid;

/// <summary>
/// Rehydration reads only what a grain keeps (numbers and momentum of every bar, structures of the newest) and
/// still restores exactly what PostgreSQL holds; a silo rehydrates at most GridOptions.RehydrationConcurrency
/// grains at once, however many activate together.
/// </summary>
public sealed class RehydrationTests(RehydrationFixture grid) : IClassFixture<RehydrationFixture>
{
    [Fact]
    public async Task A_rehydrated_grain_serves_the_stored_bars_values_and_latest_structures()
    {
        var ct = TestContext.Current.CancellationToken;
        // Realistic rows (every one with its structure snapshot) for more bars than a grain holds.
        var pair = new Pair("XAGUSD", Timeframe.M5);
        var rows = new SyntheticMarket([pair.Symbol]).History(pair.Symbol, 1_641_254_400, 1_641_254_400 + (3 * 86_400L))
            .Select(b => b.ToRecord()).Where(b => b.Timeframe == pair.Timeframe).ToList();
        Assert.True(rows.Count > RehydrationFixture.Capacity);
        Assert.Contains(rows, r => r.Indicators.MomentumCandles is not (null or "[]"));
        await grid.Store.UpsertAsync(pair, rows, ct);

        // Compared with the rows as the store holds them (numbers and JSON as PostgreSQL returns them).
        var stored = await grid.DataSource.LatestAsync(pair, RehydrationFixture.Capacity, ct);
        var grain = grid.Grains.GetGrain<ITimeframeGrain>(pair.Key);
        var bars = await grain.GetBars(int.MaxValue);

        Assert.Equal(stored.Select(b => b.Time), bars.Time);
        Assert.Equal(stored.Select(b => b.Open), bars.Open);
        Assert.Equal(stored.Select(b => b.High), bars.High);
        Assert.Equal(stored.Select(b => b.Low), bars.Low);
        Assert.Equal(stored.Select(b => b.Close), bars.Close);
        Assert.Equal(stored.Select(b => b.Indicators.Tema), bars.Tema);
        Assert.Equal(stored.Select(b => b.Indicators.Hrma), bars.Hrma);
        Assert.Equal(stored.Select(b => b.Indicators.Smma), bars.Smma);
        var momentum = stored.Select(b => MomentumJson.Parse(b.Indicators.MomentumCandles)).OfType<MomentumCandleInfo>().ToList();
        Assert.NotEmpty(momentum);
        Assert.Equal(momentum.Select(m => (m.Time, m.Bullish)), bars.MomentumCandles.Select(m => (m.Time, m.Bullish)));
        Assert.Equal(momentum.Select(m => m.BodyRatio), bars.MomentumCandles.Select(m => m.BodyRatio), (a, b) => Math.Abs(a - b) < 1e-6);

        // The newest bar whole, structures included, and the signal computed from it as on ingest.
        Assert.Equal(stored[^1].Indicators, bars.LatestIndicators);
        Assert.Equal(stored[^1], await grain.GetLatest());
        var signal = Assert.IsType<TimeframeSignal>(await grain.GetSignal());
        var expected = Grains.Signals.StoredSignals.Signal(stored[^TimeframeGrain.MomentumLookback..]);
        Assert.Equal(expected with { Votes = signal.Votes }, signal);
        Assert.Equal(expected.Votes, signal.Votes);
    }

    [Fact]
    public async Task Many_activations_at_once_rehydrate_at_most_the_configured_number_at_a_time()
    {
        var ct = TestContext.Current.CancellationToken;
        // Twelve pairs with rows, none activated yet.
        var pairs = Symbols.All.Where(s => s != "XAGUSD").Take(4).SelectMany(s => new[] { Timeframe.H1, Timeframe.H4, Timeframe.D1 }.Select(tf => new Pair(s, tf))).ToList();
        foreach (var pair in pairs)
        {
            var bars = Enumerable.Range(1, 20).Select(i => new BarRecord(pair.Timeframe, i * (long)pair.Timeframe.Seconds(), 1, 2, 0.5, 1.5, IndicatorValues.None, i, 1)).ToList();
            await grid.Store.UpsertAsync(pair, bars, ct);
        }

        // Every grain activates at once; each rehydration is held after its first row until the test lets it go.
        var gauge = grid.Gauge;
        gauge.Hold(RehydrationFixture.Concurrency);
        var activations = pairs.Select(p => grid.Grains.GetGrain<ITimeframeGrain>(p.Key).GetFreshness()).ToList();
        try
        {
            // Round by round: as many enter as the bound allows, and no more while they are held.
            for (var expected = RehydrationFixture.Concurrency; ; expected += RehydrationFixture.Concurrency)
            {
                var target = Math.Min(expected, pairs.Count);
                await Eventually.UntilAsync($"{target} rehydrations to have started", () => gauge.Entered >= target || gauge.Exceeded,
                    TimeSpan.FromSeconds(60), cancellationToken: ct);
                Assert.False(gauge.Exceeded, $"{gauge.MostInside} rehydrations read rows at once; the bound is {RehydrationFixture.Concurrency}");
                gauge.ReleaseAll();
                if (target == pairs.Count)
                {
                    break;
                }
            }
        }
        finally
        {
            gauge.ReleaseAll(stopHolding: true);
        }

        var freshness = await Task.WhenAll(activations);
        Assert.All(freshness, f => Assert.Equal(20, f.Bars));
        Assert.Equal(RehydrationFixture.Concurrency, gauge.MostInside);
    }
}
