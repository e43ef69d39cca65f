using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Api.Caching;
using TradingAlerts.Api.Endpoints;
using TradingAlerts.Api.Errors;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>The API fixture with a response cache budget far below what 18 pairs' bodies need (256 KB).</summary>
public sealed class SmallCacheApiFixture : ApiFixture
{
    public const long Budget = 256 * 1024;

    protected override ValueTask<IReadOnlyDictionary<string, string?>?> SettingsAsync() =>
        ValueTask.FromResult<IReadOnlyDictionary<string, string?>?>(new Dictionary<string, string?>
        {
            ["Api:ResponseCache:SizeLimitBytes"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
}

/// <summary>
/// One caller cycling <c>limit</c> (issue 24 point 6): the response cache stays within its byte budget by its own
/// accounting, keeps one body per (pair, tier) whatever the limits, evicts beyond the budget, and every answer (also
/// after eviction) is what the grain holds, byte for byte what the writer writes for that limit.
/// </summary>
public sealed class ResponseCacheBudgetTests(SmallCacheApiFixture api) : IClassFixture<SmallCacheApiFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly List<Pair> Pairs = [.. Pair.All.Where(p => p.Symbol is "EURUSD" or "GBPUSD")];

    private ITimeframeGrain Grain(Pair pair) => api.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ITimeframeGrain>(pair.Key);

    private static string Url(Pair pair, int limit) => $"/api/indicators/{pair.Symbol}/{pair.Timeframe.Name()}?limit={limit}";

    [Fact]
    public async Task Five_thousand_distinct_limits_stay_within_the_budget_and_evicted_answers_are_exact()
    {
        var cache = api.Factory.Services.GetRequiredService<ResponseCache>();
        Assert.Equal(SmallCacheApiFixture.Budget, cache.BudgetBytes);
        var held = new Dictionary<Pair, int>();
        foreach (var pair in Pairs)
        {
            held[pair] = (await Grain(pair).GetBars(IndicatorsApi.MaxLimit)).Count;
        }

        Assert.True(held.Values.Max() > IndicatorsApi.DefaultLimit / 2, "the fixture holds too few bars for the budget to matter");
        using var client = api.Client(api.ProToken);
        long peak = 0;
        for (var limit = 1; limit <= 5_000; limit++)
        {
            var pair = Pairs[limit % Pairs.Count];
            using var response = await client.GetAsync(new Uri(Url(pair, limit), UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(Ct));
            Assert.Equal(Math.Min(limit, held[pair]), body.RootElement.GetProperty("data").GetProperty("metadata").GetProperty("bars_returned").GetInt32());
            Assert.True(cache.HeldBytes <= cache.BudgetBytes, $"after limit {limit}: {cache.HeldBytes} bytes held, budget {cache.BudgetBytes}");
            peak = Math.Max(peak, cache.HeldBytes);
        }

        // Slices of one body per (pair, tier): 5,000 limits do not make 5,000 entries, and what the budget cannot hold goes.
        Assert.InRange(cache.Entries, 1, Pairs.Count);
        Assert.True(peak > cache.BudgetBytes / 2, $"the cache never filled: peak {peak} bytes");
        await Eventually.UntilAsync("entries evicted for the budget", () => cache.CapacityEvictions > 0, TimeSpan.FromSeconds(10), cancellationToken: TestContext.Current.CancellationToken);

        // A sample after the evictions (most of these bodies were evicted and are rebuilt): each answer is the grain's
        // bars, and the same bytes as the writer's own output for exactly that limit.
        foreach (var (pair, limit) in new[] { (Pairs[0], 1), (Pairs[1], 7), (Pairs[5], 100), (Pairs[9], 863), (Pairs[9], 864), (Pairs[9], 865),
                     (Pairs[10], 999), (Pairs[10], 1000), (Pairs[10], 1001), (Pairs[13], 4_999), (Pairs[17], 5_000), (Pairs[4], 50_000) })
        {
            var bytes = await client.GetByteArrayAsync(new Uri(Url(pair, limit), UriKind.Relative), Ct);
            var snapshot = await Grain(pair).GetBars(limit);
            Assert.Equal(IndicatorsResponseJson.Write(snapshot, pair, Tier.Pro), bytes);
            var data = JsonDocument.Parse(bytes).RootElement.GetProperty("data");
            Assert.Equal(snapshot.Time, data.GetProperty("ohlc").EnumerateArray().Select(b => b.GetProperty("time").GetInt64()));
            Assert.Equal(snapshot.Close, data.GetProperty("ohlc").EnumerateArray().Select(b => b.GetProperty("close").GetDouble()));
            Assert.Equal(snapshot.Smma, data.GetProperty("smma").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()));
            Assert.Equal(snapshot.MomentumCandles.Select(c => c.Time), data.GetProperty("momentum_candles").EnumerateArray().Select(c => c.GetProperty("time").GetInt64()));
        }
    }

    [Fact]
    public async Task Free_and_pro_slices_of_one_pair_are_the_writers_bytes_for_every_limit_around_the_held_bars()
    {
        var pair = Pairs.Single(p => p.Symbol == "EURUSD" && p.Timeframe == Timeframe.H1); // FREE may read EURUSD H1
        var count = (await Grain(pair).GetBars(IndicatorsApi.MaxLimit)).Count;
        foreach (var (token, tier) in new[] { (api.ProToken, Tier.Pro), (api.FreeToken, Tier.Free) })
        {
            using var client = api.Client(token);
            foreach (var limit in new[] { count + 3, count + 1, count, count - 1, 2, 1, IndicatorsApi.DefaultLimit + 1 })
            {
                var bytes = await client.GetByteArrayAsync(new Uri(Url(pair, limit), UriKind.Relative), Ct);
                Assert.Equal(IndicatorsResponseJson.Write(await Grain(pair).GetBars(limit), pair, tier), bytes);
            }
        }
    }
}
