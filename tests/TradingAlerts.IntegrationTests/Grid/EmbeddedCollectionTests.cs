using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.IntegrationTests.Api;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Grid;

/// <summary>
/// The embedded run (no PostgreSQL) has nothing to rehydrate pairs or rebuild a confluence from, so idle collection
/// must not take those grains: with a collection age of seconds, a SymbolGrain idle as long is collected while the
/// pair and confluence grains keep their activation, their bars and their score.
/// </summary>
public sealed class EmbeddedCollectionTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Embedded_idle_collection_keeps_the_pairs_and_the_confluence_it_could_not_rebuild()
    {
        await using var silo = new SiloFactory(services: services => services.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionQuantum = TimeSpan.FromSeconds(1);
            o.CollectionAge = TimeSpan.FromSeconds(4);
        }));
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        const string symbol = "EURUSD";
        var market = new SyntheticMarket([symbol]);
        var rows = market.History(symbol, ApiFixture.HistoryStart, ApiFixture.HistoryStart + (2 * 86_400L))
            .Select((b, i) => b.ToRecord() with { Seq = i + 1, WrittenAtMs = 1 }).ToArray();
        await grains.GetGrain<ISymbolGrain>(symbol).Ingest(new IngestBatch(symbol, "embedded-collection-test", rows, rows[^1].Seq));

        var confluence = grains.GetGrain<IConfluenceGrain>(symbol);
        await WaitUntilAsync("nine signals at the confluence", async () => (await confluence.GetConfluence()).Signals.Count == 9);
        var pairs = Timeframes.All.Select(tf => grains.GetGrain<ITimeframeGrain>(new Pair(symbol, tf).Key)).ToArray();
        var before = await Task.WhenAll(pairs.Select(p => p.GetBars(10_000)));
        var scoreBefore = await confluence.GetConfluence();
        var versionBefore = await confluence.GetVersion();

        // A grain touched after the reads above: once it is collected, the pair and confluence grains were idle longer.
        var marker = grains.GetGrain<ISymbolGrain>("GBPUSD");
        await marker.GetCursor("embedded-collection-test");
        var management = grains.GetGrain<IManagementGrain>(0);
        await WaitUntilAsync("an idle SymbolGrain to be collected", async () =>
            (await management.GetDetailedGrainStatistics()).All(s => s.GrainId != marker.GetGrainId()));

        var active = (await management.GetDetailedGrainStatistics(null, null, TestContext.Current.CancellationToken)).Select(s => s.GrainId).ToHashSet();
        Assert.All(pairs, p => Assert.Contains(p.GetGrainId(), active));
        Assert.Contains(confluence.GetGrainId(), active);
        var after = await Task.WhenAll(pairs.Select(p => p.GetBars(10_000)));
        for (var i = 0; i < pairs.Length; i++)
        {
            Assert.Equal(before[i].Version, after[i].Version);
            Assert.Equal(before[i].Time.Length, after[i].Time.Length);
            Assert.True(before[i].Time.Length > 0, $"{pairs[i].GetPrimaryKeyString()} held no bars");
        }

        Assert.Equal(versionBefore, await confluence.GetVersion());
        var scoreAfter = await confluence.GetConfluence();
        Assert.Equal((scoreBefore.Score, scoreBefore.Bullish, scoreBefore.Bearish, scoreBefore.Time), (scoreAfter.Score, scoreAfter.Bullish, scoreAfter.Bearish, scoreAfter.Time));
    }

    private static Task WaitUntilAsync(string what, Func<Task<bool>> condition) =>
        Eventually.UntilAsync(what, condition, Bounded, TimeSpan.FromMilliseconds(200), cancellationToken: TestContext.Current.CancellationToken);
}
