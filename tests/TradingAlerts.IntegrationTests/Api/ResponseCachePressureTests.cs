using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Api.Caching;
using TradingAlerts.Api.Endpoints;
using TradingAlerts.Api.Errors;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>The API fixture with a process memory limit the silo is always above (1 byte), checked every 100 ms.</summary>
public sealed class PressuredCacheApiFixture : ApiFixture
{
    protected override ValueTask<IReadOnlyDictionary<string, string?>?> SettingsAsync() =>
        ValueTask.FromResult<IReadOnlyDictionary<string, string?>?>(new Dictionary<string, string?>
        {
            ["Api:ResponseCache:ProcessMemoryLimitBytes"] = "1",
            ["Api:ResponseCache:PressureCheckInterval"] = "00:00:00.100",
        });
}

/// <summary>Under memory pressure the response cache lets go of what it holds, and answers stay exact.</summary>
public sealed class ResponseCachePressureTests(PressuredCacheApiFixture api) : IClassFixture<PressuredCacheApiFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task The_cache_is_emptied_when_the_process_is_above_its_memory_limit_and_answers_are_rebuilt_exactly()
    {
        var cache = api.Factory.Services.GetRequiredService<ResponseCache>();
        // The default budget, which this fixture keeps: at most 64 MB (it was 256 MB).
        Assert.Equal(new ResponseCacheOptions().SizeLimitBytes, cache.BudgetBytes);
        Assert.True(cache.BudgetBytes <= 64L * 1024 * 1024, $"default budget {cache.BudgetBytes} bytes");

        var pair = Pair.All.Single(p => p.Symbol == "EURUSD" && p.Timeframe == Timeframe.M5);
        var url = new Uri($"/api/indicators/EURUSD/M5?limit=700", UriKind.Relative);
        using var client = api.Client(api.ProToken);
        var compactions = cache.PressureCompactions;
        var first = await client.GetByteArrayAsync(url, Ct);
        await Eventually.UntilAsync("the cache emptied under pressure after the request", () => cache.PressureCompactions > compactions && cache.Entries == 0 && cache.HeldBytes == 0,
            TimeSpan.FromSeconds(10), cancellationToken: TestContext.Current.CancellationToken);
        await Eventually.UntilAsync("the emptying counted as evictions", () => cache.CapacityEvictions > 0, TimeSpan.FromSeconds(10), cancellationToken: TestContext.Current.CancellationToken);

        var again = await client.GetByteArrayAsync(url, Ct);
        var snapshot = await api.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ITimeframeGrain>(pair.Key).GetBars(700);
        Assert.Equal(700, snapshot.Count);
        Assert.Equal(IndicatorsResponseJson.Write(snapshot, pair, Tier.Pro), again);
        Assert.Equal(first, again);
    }
}
