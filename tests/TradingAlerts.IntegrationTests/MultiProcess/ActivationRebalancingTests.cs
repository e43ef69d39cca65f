using System.Globalization;
using System.Net;
using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.MultiProcess;

/// <summary>
/// Scale-out shares the pairs: one built silo in cluster mode serves every pair (all 135 TimeframeGrains on it), then
/// two more join. Within a bounded wait each silo holds a fair share of the TimeframeGrains (its /metrics grain gauge),
/// and afterwards every pair answers on every silo with exactly the bars PostgreSQL holds (own SQL).
/// </summary>
public sealed class ActivationRebalancingTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>
{
    private const long FirstBar = 1_641_254_400; // 2022-01-04 00:00 UTC
    private const int BarsPerPair = 6;

    // A third of 135 is 45: at least 25 on each silo is a clear spread, and far from "everything on one silo".
    private const int FairShare = 25;

    private static readonly Pair[] TestPairs = [.. Symbols.All.SelectMany(s => Timeframes.All.Select(tf => new Pair(s, tf)))];
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan Spread = TimeSpan.FromMinutes(3);

    // The rebalancer on, its first session after 5 s instead of 60 s and a cycle every 3 s instead of 15 s, to keep the test short.
    private static readonly string[] QuickRebalancer = ["--Orleans:Rebalancing=true", "--Orleans:Rebalancer:RebalancerDueTime=00:00:05", "--Orleans:Rebalancer:SessionCyclePeriod=00:00:03"];

    [Fact]
    public async Task Silos_that_join_a_silo_holding_every_pair_end_with_a_fair_share_and_every_pair_equals_PostgreSQL()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(135, TestPairs.Length);
        var stored = await Seed();
        var clusterId = $"rebalancing-{Guid.NewGuid():N}";

        using var first = Start("silo1", clusterId);
        await first.WaitReadyAsync(Startup, cancellationToken: ct);
        var token = await first.AuthorizeAsync(cancellationToken: ct);
        await AssertEveryPairEqualsPostgres([first], stored, ct);
        // Orleans' grain gauge is sampled, not live: wait (bounded) until it counts every pair on the first silo.
        var alone = await Eventually.LastAsync(() => first.GrainsAsync("timeframe", ct), n => n >= TestPairs.Length, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500), ct);
        Assert.True(alone == TestPairs.Length, $"the first silo holds {alone} of {TestPairs.Length} TimeframeGrains before the scale-out");

        using var second = Start("silo2", clusterId);
        using var third = Start("silo3", clusterId);
        SiloProcess[] silos = [first, second, third];
        await Task.WhenAll(new[] { second, third }.Select(s => s.WaitReadyAsync(Startup, cancellationToken: ct)));
        foreach (var silo in new[] { second, third })
        {
            silo.Http.DefaultRequestHeaders.Authorization = DevToken.Bearer(token);
        }

        var joined = TimeProvider.System.GetTimestamp();
        var log = TestContext.Current.TestOutputHelper;
        var shares = await Eventually.LastAsync(async () =>
        {
            var counts = await Task.WhenAll(silos.Select(s => s.GrainsAsync("timeframe", ct)));
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{TimeProvider.System.GetElapsedTime(joined).TotalSeconds:0} s after the scale-out: {string.Join(", ", silos.Select((s, i) => $"{s.Name} {counts[i]}"))}"));
            return counts;
        }, counts => counts.All(c => c >= FairShare), Spread, TimeSpan.FromSeconds(5), ct);
        var report = string.Join(", ", silos.Select((s, i) => $"{s.Name}: {shares[i]}"));
        Assert.True(shares.All(c => c >= FairShare),
            $"after {Spread} the TimeframeGrains are not shared (each silo should hold at least {FairShare} of {TestPairs.Length}): {report}{Environment.NewLine}{first.Tail(30)}");

        // Moved grains came back whole: every pair, asked of every silo, serves exactly the stored bars.
        await AssertEveryPairEqualsPostgres(silos, stored, ct);
        Assert.All(silos, s => Assert.False(s.HasExited, s.Tail()));
    }

    /// <summary>Writes <see cref="BarsPerPair"/> bars into every pair's table and returns them as PostgreSQL holds them (own SQL).</summary>
    private async Task<Dictionary<Pair, Dictionary<long, (double, double, double, double)>>> Seed()
    {
        var stored = new Dictionary<Pair, Dictionary<long, (double, double, double, double)>>();
        var k = 0;
        foreach (var pair in TestPairs)
        {
            var times = Enumerable.Range(0, BarsPerPair).Select(i => pair.Timeframe.BucketStart(FirstBar + ((long)i * pair.Timeframe.Seconds()))).Distinct();
            var values = string.Join(", ", times.Select(t =>
            {
                // Prices with digits a double cannot hold exactly, different per pair and bar, so a mixed-up answer shows.
                var open = 1.08 + (k++ * 0.00013);
                return FormattableString.Invariant($"(to_timestamp({t}), {open:R}, {open + 0.0007:R}, {open - 0.0003:R}, {open + 0.0001:R})");
            }));
            await using (var command = db.DataSource.CreateCommand($"INSERT INTO {pair.TableName} (timestamp, open, high, low, close) VALUES {values}"))
            {
                await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            var rows = await db.QueryAsync($"SELECT extract(epoch FROM timestamp)::bigint, open, high, low, close FROM {pair.TableName}",
                r => (Time: r.GetInt64(0), Values: (r.GetDouble(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4))));
            stored[pair] = rows.ToDictionary(r => r.Time, r => r.Values);
        }

        return stored;
    }

    private static async Task AssertEveryPairEqualsPostgres(SiloProcess[] silos, Dictionary<Pair, Dictionary<long, (double, double, double, double)>> stored, CancellationToken ct)
    {
        var differences = new List<string>();
        foreach (var silo in silos)
        {
            foreach (var pair in TestPairs)
            {
                using var response = await silo.Http.GetAsync(new Uri($"/api/indicators/{pair.Symbol}/{pair.Timeframe.Name()}?limit=50", UriKind.Relative), ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    differences.Add($"{silo.Name} {pair.Key}: {(int)response.StatusCode} {text}");
                    continue;
                }

                using var body = JsonDocument.Parse(text);
                var served = body.RootElement.GetProperty("data").GetProperty("ohlc").EnumerateArray().ToDictionary(
                    b => b.GetProperty("time").GetInt64(),
                    b => (b.GetProperty("open").GetDouble(), b.GetProperty("high").GetDouble(), b.GetProperty("low").GetDouble(), b.GetProperty("close").GetDouble()));
                var expected = stored[pair];
                if (served.Count != expected.Count || expected.Any(e => !served.TryGetValue(e.Key, out var s) || s != e.Value))
                {
                    differences.Add($"{silo.Name} {pair.Key}: served {string.Join(" ", served.OrderBy(s => s.Key))}, stored {string.Join(" ", expected.OrderBy(s => s.Key))}");
                }
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} answers differ from PostgreSQL:{Environment.NewLine}{string.Join(Environment.NewLine, differences.Take(20))}");
    }

    private SiloProcess Start(string name, string clusterId) => SiloProcess.Start(name, new SiloProcessOptions
    {
        Postgres = db.ConnectionString,
        ClusterId = clusterId,
        Demo = false,
        RateLimits = false,
        // /metrics on the admin port: the grain gauge per silo.
        AdminPort = true,
        Arguments = QuickRebalancer,
    });
}
