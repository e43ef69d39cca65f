using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Core.Internal;
using TradingAlerts.TestSupport;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>
/// The confluence across the lifecycle of its grain, on a real silo writing through to PostgreSQL: after the
/// ConfluenceGrain is deactivated alone, collected when idle, or the whole cluster restarts with no new rows, the
/// first answer equals a recomputation from the PostgreSQL rows; a past time is answered from the stored rows after
/// a restart and beyond the grain's in-memory history. Each test uses its own symbol and silo on one database.
/// </summary>
public sealed class ConfluenceLifecycleTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>
{
    private const int Days = 3;
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_confluence_grain_deactivated_alone_answers_the_recomputed_confluence_at_once()
    {
        await using var silo = new SiloFactory(Settings());
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        await IngestAsync(grains, "EURUSD");
        using var client = await ProClientAsync(silo);
        var before = await ServedEventuallyAsync(client, "EURUSD");

        // Only the ConfluenceGrain goes: its timeframe grains stay active and push nothing, as nothing changed.
        var grain = grains.GetGrain<IConfluenceGrain>("EURUSD");
        var version = await grain.GetVersion();
        await grain.AsReference<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        await WaitUntilAsync("a new ConfluenceGrain activation", async () => await grain.GetVersion() != version);

        var after = await ApiCall.GetAsync(client, "/api/confluence/EURUSD");
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Empty(ConfluenceRecomputation.Differences(await ConfluenceRecomputation.FromPostgresAsync(db.DataSource, "EURUSD"), after.Body));
        Assert.True(JsonElement.DeepEquals(before.Body, after.Body), "the reactivated grain serves another body than before");
    }

    [Fact]
    public async Task Idle_collection_with_a_short_age_loses_nothing_of_the_confluence()
    {
        await using var silo = new SiloFactory(Settings(), services => services.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionQuantum = TimeSpan.FromSeconds(1);
            o.CollectionAge = TimeSpan.FromSeconds(5);
        }));
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        await IngestAsync(grains, "USDJPY");
        using var client = await ProClientAsync(silo);
        var before = await ServedEventuallyAsync(client, "USDJPY");
        var grain = grains.GetGrain<IConfluenceGrain>("USDJPY");
        var version = await grain.GetVersion();

        // Watch from the side (the management grain), so the watching does not keep the grain alive.
        var id = grain.GetGrainId();
        var management = grains.GetGrain<IManagementGrain>(0);
        await WaitUntilAsync("the ConfluenceGrain to be collected", async () =>
            (await management.GetDetailedGrainStatistics()).All(s => s.GrainId != id));

        var after = await ApiCall.GetAsync(client, "/api/confluence/USDJPY");
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.NotEqual(version, await grain.GetVersion()); // really a new activation
        Assert.Empty(ConfluenceRecomputation.Differences(await ConfluenceRecomputation.FromPostgresAsync(db.DataSource, "USDJPY"), after.Body));
        AssertSameConfluence(before.Body, after.Body);
    }

    [Fact]
    public async Task A_cluster_restarted_with_no_new_rows_serves_the_same_confluence_now_and_at_a_past_time()
    {
        ApiCall before;
        await using (var first = new SiloFactory(Settings()))
        {
            await IngestAsync(first.Services.GetRequiredService<IGrainFactory>(), "GBPUSD");
            using var client = await ProClientAsync(first);
            before = await ServedEventuallyAsync(client, "GBPUSD");
        }

        await using var second = new SiloFactory(Settings());
        using var pro = await ProClientAsync(second);
        var now = await ApiCall.GetAsync(pro, "/api/confluence/GBPUSD");
        Assert.Equal(HttpStatusCode.OK, now.Status);
        Assert.Empty(ConfluenceRecomputation.Differences(await ConfluenceRecomputation.FromPostgresAsync(db.DataSource, "GBPUSD"), now.Body));
        AssertSameConfluence(before.Body, now.Body);
        await AssertNotModifiedAsync(pro, "/api/confluence/GBPUSD", now);

        // A past time the new activation never saw: answered from the stored rows, as a recomputation at that time.
        var at = ApiFixture.HistoryStart + 86_400 + (13 * 3600) + (22 * 60) + 41;
        var past = await ApiCall.GetAsync(pro, $"/api/confluence/GBPUSD?timestamp={Iso(at)}");
        Assert.Equal(HttpStatusCode.OK, past.Status);
        Assert.Empty(ConfluenceRecomputation.Differences(await ConfluenceRecomputation.FromPostgresAsync(db.DataSource, "GBPUSD", at), past.Body));
        await AssertNotModifiedAsync(pro, $"/api/confluence/GBPUSD?timestamp={Iso(at)}", past);
    }

    [Fact]
    public async Task A_past_time_beyond_the_in_memory_history_is_answered_from_the_stored_rows()
    {
        await using var silo = new SiloFactory(Settings(("Grid:ConfluenceHistory", "5")));
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        await IngestAsync(grains, "AUDUSD");
        using var pro = await ProClientAsync(silo);
        var current = await ServedEventuallyAsync(client: pro, "AUDUSD");
        var grain = grains.GetGrain<IConfluenceGrain>("AUDUSD");

        // Five signal changes per timeframe reach back minutes on M5; this time is a day and a half older.
        var old = ApiFixture.HistoryStart + 86_400 + (7 * 3600) + (35 * 60) + 17;
        var notHeld = await grain.GetConfluenceAt(old);
        Assert.Null(notHeld.Snapshot);
        Assert.StartsWith($"confluence at {DateTimeOffset.FromUnixTimeSeconds(old):u} is older than the ", notHeld.NotHeldReason, StringComparison.Ordinal);
        var past = await ApiCall.GetAsync(pro, $"/api/confluence/AUDUSD?timestamp={Iso(old)}");
        Assert.Equal(HttpStatusCode.OK, past.Status);
        Assert.Empty(ConfluenceRecomputation.Differences(await ConfluenceRecomputation.FromPostgresAsync(db.DataSource, "AUDUSD", old), past.Body));
        await AssertNotModifiedAsync(pro, $"/api/confluence/AUDUSD?timestamp={Iso(old)}", past);

        // The same instant with an offset is the same time on the bars' clock, which the API reference names.
        var openApi = await ApiCall.GetAsync(pro, "/openapi/v1.json");
        Assert.Contains("broker's server time", openApi.Body.GetProperty("paths").GetProperty("/api/confluence/{symbol}").GetProperty("get").GetProperty("description").GetString(), StringComparison.Ordinal);
        var offset = DateTimeOffset.FromUnixTimeSeconds(old).ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        var same = await ApiCall.GetAsync(pro, $"/api/confluence/AUDUSD?timestamp={Uri.EscapeDataString(offset)}");
        Assert.Equal((past.Text, past.ETag), (same.Text, same.ETag));

        // Where the history does reach (the newest bar time), the rows answer all the same: the same recomputation.
        var newest = DateTimeOffset.Parse(current.Body.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture).ToUnixTimeSeconds();
        Assert.Equal(9, (await grain.GetConfluenceAt(newest)).Snapshot?.Signals.Count);
        var recent = await ApiCall.GetAsync(pro, $"/api/confluence/AUDUSD?timestamp={Iso(newest)}");
        Assert.Equal(HttpStatusCode.OK, recent.Status);
        Assert.Empty(ConfluenceRecomputation.Differences(await ConfluenceRecomputation.FromPostgresAsync(db.DataSource, "AUDUSD", newest), recent.Body));

        // Older than every stored bar: a clear 404.
        var none = await ApiCall.GetAsync(pro, "/api/confluence/AUDUSD?timestamp=2001-01-01T00:00:00Z");
        Assert.True(none.IsError(HttpStatusCode.NotFound, "confluence at 2001-01-01 00:00:00Z is older than the stored AUDUSD bars"), none.ToString());
    }

    private Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = db.ConnectionString,
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Three days of synthetic history with forming bars, through the grains (written through to PostgreSQL).</summary>
    private static async Task IngestAsync(IGrainFactory grains, string symbol)
    {
        var market = new SyntheticMarket([symbol]);
        var rows = market.History(symbol, ApiFixture.HistoryStart, ApiFixture.HistoryStart + (Days * 86_400L)).ToList()
            .Concat(market.Forming(symbol))
            .Select((b, i) => b.ToRecord() with { Seq = i + 1, WrittenAtMs = 1 }).ToArray();
        await grains.GetGrain<ISymbolGrain>(symbol).Ingest(new IngestBatch(symbol, "lifecycle-test", rows, rows[^1].Seq));
    }

    private static async Task<HttpClient> ProClientAsync(SiloFactory silo)
    {
        var client = silo.CreateClient();
        await DevToken.AuthorizeAsync(client, cancellationToken: TestContext.Current.CancellationToken);
        return client;
    }

    /// <summary>Before any lifecycle event: waits (bounded) for the one-way pushes of the ingest to arrive, then the baseline.</summary>
    private async Task<ApiCall> ServedEventuallyAsync(HttpClient client, string symbol)
    {
        var expected = await ConfluenceRecomputation.FromPostgresAsync(db.DataSource, symbol);
        Assert.Equal(9, expected.Signals.Count);
        ApiCall call = null!;
        await WaitUntilAsync($"the {symbol} confluence to equal the recomputation", async () =>
        {
            call = await ApiCall.GetAsync(client, $"/api/confluence/{symbol}");
            return call.Status == HttpStatusCode.OK && ConfluenceRecomputation.Differences(expected, call.Body).Count == 0;
        });
        return call;
    }

    private static Task WaitUntilAsync(string what, Func<Task<bool>> condition) =>
        Eventually.UntilAsync(what, condition, Bounded, TimeSpan.FromMilliseconds(200), cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>The same timestamp, score, counts and breakdown (the indicators' JSON text may be normalized by PostgreSQL).</summary>
    private static void AssertSameConfluence(JsonElement before, JsonElement after)
    {
        foreach (var property in new[] { "timestamp", "confluence_score", "signals", "breakdown" })
        {
            Assert.True(JsonElement.DeepEquals(before.GetProperty(property), after.GetProperty(property)),
                $"{property}: {before.GetProperty(property)} before, {after.GetProperty(property)} after");
        }
    }

    private static async Task AssertNotModifiedAsync(HttpClient client, string url, ApiCall first)
    {
        Assert.NotNull(first.ETag);
        var again = await ApiCall.GetAsync(client, url, r => r.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(first.ETag)));
        Assert.Equal(HttpStatusCode.NotModified, again.Status);
        Assert.Equal(first.ETag, again.ETag);
    }

    private static string Iso(long time) =>
        DateTimeOffset.FromUnixTimeSeconds(time).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
