using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Grains;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Api.Health;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>
/// The seed's health endpoints against real embedded silos: pair freshness from grain state, collector
/// files as the ingest agent saw them, and PostgreSQL in embedded mode (cluster mode: <see cref="HealthProbeTests"/>).
/// </summary>
public sealed class HealthApiTests(ApiFixture api) : IClassFixture<ApiFixture>, IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly TempCollectorFile _file = new();

    internal static async Task<(HttpStatusCode Status, JsonElement Body)> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Polls until <paramref name="done"/> holds for the answer (bounded), then returns that answer.</summary>
    internal static async Task<(HttpStatusCode Status, JsonElement Body)> WaitFor(
        HttpClient client, string url, Func<HttpStatusCode, JsonElement, bool> done)
        => await Eventually.UntilAsync($"{url} to answer as expected", () => Get(client, url), r => done(r.Status, r.Body), TimeSpan.FromSeconds(120), cancellationToken: Ct);

    /// <summary>An embedded silo on real Kestrel ports tailing <paramref name="files"/>; the details are on its admin port.</summary>
    private static KestrelSilo Silo(double sqliteStaleAfterSeconds, double staleAfterBars, params string[] files)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ingest:PollInterval"] = "00:00:00.050",
            ["Ingest:MaxBackoff"] = "00:00:00.500",
            ["Ingest:StatusInterval"] = "00:00:00.200",
            ["Health:SqliteStaleAfter"] = TimeSpan.FromSeconds(sqliteStaleAfterSeconds).ToString("c"),
            ["Health:StaleAfterBars"] = staleAfterBars.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < files.Length; i++)
        {
            settings[$"Ingest:SqlitePaths:{i}"] = files[i];
        }

        return KestrelSilo.Start(settings);
    }

    [Fact]
    public async Task Indicators_health_reports_all_135_pairs_from_grain_state()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var (status, counts) = await Get(api.Client(), "/api/indicators/health");
        // The test server is no admin port: the answer has the counts only. The admin port's body is the check's.
        Assert.False(counts.TryGetProperty("pairs", out _));
        var entry = await api.Factory.Services.GetRequiredService<HealthCheckService>().CheckTaggedAsync(HealthExtensions.PairFreshnessTag, Ct);
        var body = JsonSerializer.SerializeToElement(entry.Data[HealthBody.Key], JsonSerializerOptions.Web);
        Assert.Equal(counts.GetProperty("summary").ToString(), body.GetProperty("summary").ToString());

        // The fixture ingested EURUSD and GBPUSD (all nine timeframes) moments ago: 18 fresh, 117 empty.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        var summary = body.GetProperty("summary");
        Assert.Equal((18, 0, 117, 0), (summary.GetProperty("fresh").GetInt32(), summary.GetProperty("stale").GetInt32(),
            summary.GetProperty("empty").GetInt32(), summary.GetProperty("unavailable").GetInt32()));
        var pairs = body.GetProperty("pairs").EnumerateArray().ToList();
        Assert.Equal(Pair.All.Select(p => (p.Symbol, p.Timeframe.Name())), pairs.Select(p => (p.GetProperty("symbol").GetString()!, p.GetProperty("timeframe").GetString()!)));
        Assert.Equal(
            ["symbol", "timeframe", "status", "bars", "latestBarTime", "lastUpdate", "lastWrittenAt", "ageSeconds", "staleAfterSeconds"],
            pairs[0].EnumerateObject().Select(p => p.Name));

        var grains = api.Factory.Services.GetRequiredService<IGrainFactory>();
        foreach (var (pair, row) in Pair.All.Zip(pairs))
        {
            Assert.Equal(2.0 * pair.Timeframe.Seconds(), row.GetProperty("staleAfterSeconds").GetDouble());
            if (pair.Symbol is not ("EURUSD" or "GBPUSD"))
            {
                Assert.Equal("empty", row.GetProperty("status").GetString());
                Assert.Equal(0, row.GetProperty("bars").GetInt32());
                Assert.Equal(JsonValueKind.Null, row.GetProperty("latestBarTime").ValueKind);
                Assert.Equal(JsonValueKind.Null, row.GetProperty("ageSeconds").ValueKind);
                continue;
            }

            var grain = grains.GetGrain<ITimeframeGrain>(pair.Key);
            var latest = await grain.GetLatest();
            Assert.Equal("fresh", row.GetProperty("status").GetString());
            Assert.Equal((await grain.GetBars(10_000)).Count, row.GetProperty("bars").GetInt32());
            Assert.Equal(latest!.Time, row.GetProperty("latestBarTime").GetInt64());
            Assert.Equal(1, row.GetProperty("lastWrittenAt").GetInt64()); // the fixture's rows say written_at = 1
            // lastUpdate is when the grain received the rows (the fixture ingested them before this test began).
            Assert.InRange(row.GetProperty("lastUpdate").GetInt64(), before - 600_000, before);
            Assert.InRange(row.GetProperty("ageSeconds").GetDouble(), 0, row.GetProperty("staleAfterSeconds").GetDouble());
        }
    }

    [Fact]
    public async Task Sqlite_health_is_503_while_no_agent_reported_a_collector_file()
    {
        await using var silo = KestrelSilo.Start();
        var (status, body) = await Get(silo.Admin, "/api/health/sqlite");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("lastUpdate").ValueKind);
        Assert.Equal(0, body.GetProperty("sources").GetArrayLength());
        Assert.Contains("Ingest:SqlitePaths", body.GetProperty("error").GetString(), StringComparison.Ordinal);

        // The public port: the same status and counts, without the message.
        (status, body) = await Get(silo.Public, "/api/health/sqlite");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(("unhealthy", 0), (body.GetProperty("status").GetString(), body.GetProperty("summary").GetProperty("files").GetInt32()));
        Assert.False(body.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Sqlite_health_reports_the_newest_collector_write_the_agent_ingested()
    {
        _file.WriteHistory(1, "EURUSD");
        var written = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using var silo = Silo(sqliteStaleAfterSeconds: 300, staleAfterBars: 2, _file.Path);
        var client = silo.Admin;

        var (status, body) = await WaitFor(client, "/api/health/sqlite", (s, _) => s == HttpStatusCode.OK);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        // The seed's check: lastUpdate (unix ms) within the last minute.
        var lastUpdate = body.GetProperty("lastUpdate").GetInt64();
        Assert.InRange(lastUpdate, written - 60_000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal(300, body.GetProperty("staleAfterSeconds").GetDouble());
        var source = Assert.Single(body.GetProperty("sources").EnumerateArray());
        Assert.Equal(Path.GetFileName(_file.Path), source.GetProperty("file").GetString());
        Assert.Equal("ok", source.GetProperty("status").GetString());
        Assert.Equal(lastUpdate, source.GetProperty("lastUpdate").GetInt64());
        Assert.Equal(JsonValueKind.Null, source.GetProperty("lastError").ValueKind);
        Assert.True(source.GetProperty("lastSuccess").GetInt64() >= lastUpdate);

        // The same rows reached the grains: once every EURUSD timeframe is in, it is fresh on the freshness report.
        (status, body) = await WaitFor(client, "/api/indicators/health", (_, b) => b.GetProperty("summary").GetProperty("fresh").GetInt32() == 9);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.All(body.GetProperty("pairs").EnumerateArray().Where(p => p.GetProperty("symbol").GetString() == "EURUSD"),
            p => Assert.InRange(p.GetProperty("lastWrittenAt").GetInt64(), written - 60_000, lastUpdate));
    }

    [Fact]
    public async Task Sqlite_health_is_503_naming_a_failing_file_and_a_stale_one()
    {
        _file.WriteHistory(1, "XAUUSD");
        var missing = Path.Combine(Path.GetTempPath(), $"ta-missing-{Guid.NewGuid():N}", "collector.db");
        // Stale after one second (files) and after a tiny fraction of a bar (pairs): both go stale right after ingest.
        await using var silo = Silo(sqliteStaleAfterSeconds: 1, staleAfterBars: 0.0001, _file.Path, missing);
        var client = silo.Admin;

        var (status, body) = await WaitFor(client, "/api/health/sqlite", (_, b) =>
            b.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("status").GetString()).Order().SequenceEqual(["failing", "stale"]));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        var sources = body.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("status").GetString()!);
        Assert.Equal("collector.db", sources["failing"].GetProperty("file").GetString());
        Assert.False(string.IsNullOrEmpty(sources["failing"].GetProperty("lastError").GetString()));
        Assert.Equal(JsonValueKind.Null, sources["failing"].GetProperty("lastUpdate").ValueKind);
        Assert.Equal(Path.GetFileName(_file.Path), sources["stale"].GetProperty("file").GetString());
        Assert.True(sources["stale"].GetProperty("ageSeconds").GetDouble() > 1);
        // Overall lastUpdate is the newest write of any file.
        Assert.Equal(sources["stale"].GetProperty("lastUpdate").GetInt64(), body.GetProperty("lastUpdate").GetInt64());
        Assert.Contains("collector.db failing", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        // Every symbol of the missing file fails with the reader's message naming it.
        Assert.All(sources["failing"].GetProperty("symbols").EnumerateArray(), s =>
            Assert.Contains("collector.db", s.GetProperty("lastError").GetString(), StringComparison.Ordinal));

        // Anonymous callers on the public port get the status and counts: no path, no exception message.
        var publicAnswer = await silo.Public.GetAsync(new Uri("/api/health/sqlite", UriKind.Relative), Ct);
        var publicText = await publicAnswer.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, publicAnswer.StatusCode);
        Assert.DoesNotContain(Path.GetTempPath().TrimEnd('/'), publicText, StringComparison.Ordinal);
        Assert.DoesNotContain("collector.db", publicText, StringComparison.Ordinal);
        var counts = JsonDocument.Parse(publicText).RootElement.GetProperty("summary");
        Assert.Equal((2, 1, 1), (counts.GetProperty("files").GetInt32(), counts.GetProperty("failing").GetInt32(), counts.GetProperty("stale").GetInt32()));

        (status, body) = await WaitFor(client, "/api/indicators/health", (_, b) => b.GetProperty("summary").GetProperty("stale").GetInt32() == 9);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        Assert.All(body.GetProperty("pairs").EnumerateArray().Where(p => p.GetProperty("status").GetString() == "stale"),
            p => Assert.Equal("XAUUSD", p.GetProperty("symbol").GetString()));
    }

    [Fact]
    public async Task Indicators_health_is_503_while_no_pair_holds_a_bar()
    {
        await using var silo = new SiloFactory();
        using var client = silo.CreateClient();
        var (status, body) = await Get(client, "/api/indicators/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Equal(135, body.GetProperty("summary").GetProperty("empty").GetInt32());
    }

    [Fact]
    public async Task Postgresql_health_in_embedded_mode_says_so_with_200()
    {
        var (status, body) = await Get(api.Client(), "/api/health/postgresql");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("not_configured", "embedded", false, 0, 135), (body.GetProperty("status").GetString(), body.GetProperty("mode").GetString(),
            body.GetProperty("connected").GetBoolean(), body.GetProperty("tables").GetInt32(), body.GetProperty("expectedTables").GetInt32()));
        Assert.Contains("ConnectionStrings:Postgres", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embedded_probes_answer_live_without_dependencies_and_ready_with_orleans()
    {
        using var client = api.Client();
        var (status, live) = await Get(client, "/health/live");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        Assert.Equal(["self"], live.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));

        var (readyStatus, ready) = await Get(client, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        var checks = ready.GetProperty("checks").EnumerateArray().ToList(); // no PostgreSQL, no Redis configured
        Assert.Equal([("drain", "Healthy"), ("orleans", "Healthy")], checks.Select(c => (c.GetProperty("name").GetString(), c.GetProperty("status").GetString())));
        var orleans = checks[1];
        // Not the admin port: what the check found stays out of the answer.
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (orleans.GetProperty("description").ValueKind, orleans.GetProperty("data").ValueKind));

        var healthz = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal("Healthy", await healthz.Content.ReadAsStringAsync(Ct));
    }

    public void Dispose() => _file.Dispose();
}
