using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Npgsql;
using TradingAlerts.E2E.Infrastructure;

namespace TradingAlerts.E2E;

/// <summary>
/// The seed's critical path, end to end through real parts: the collector's SQLite file → the grid and its
/// PostgreSQL tables → the API → the chart in Chromium with its fractal markers and trendlines.
/// </summary>
public sealed class CriticalPathTests(Chromium chromium, DemoSilo silo)
{
    [Fact]
    public async Task Data_flows_from_the_collector_file_to_the_rendered_chart()
    {
        // 1. The collector's SQLite has data written within the last minute.
        await using (var sqlite = new SqliteConnection($"Data Source={silo.CollectorPath};Mode=ReadOnly"))
        {
            await sqlite.OpenAsync(TestContext.Current.CancellationToken);
            await using var newest = sqlite.CreateCommand();
            newest.CommandText = "SELECT max(written_at) FROM EURUSD";
            var writtenAt = (long)(await newest.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
            var age = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - writtenAt;
            Assert.True(age < 60_000, $"The newest EURUSD row was written {age} ms ago");
        }

        // 2. PostgreSQL has its 135 bar tables and the synced bars.
        var (status, api) = await silo.GetJsonAsync("/api/indicators/EURUSD/H1?limit=1000");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        var ohlc = api.GetProperty("data").GetProperty("ohlc");
        await using (var pg = NpgsqlDataSource.Create(silo.PostgresConnection))
        {
            await using var tables = pg.CreateCommand(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE 'orleans%'");
            Assert.Equal(135L, (long)(await tables.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
            await using var bars = pg.CreateCommand("SELECT count(*) FROM eurusd_h1");
            Assert.True((long)(await bars.ExecuteScalarAsync(TestContext.Current.CancellationToken))! >= 100);
            // Every bar the API serves was written through first: the newest one is in PostgreSQL with its close.
            var newest = ohlc[ohlc.GetArrayLength() - 1];
            await using var synced = pg.CreateCommand("SELECT count(*) FROM eurusd_h1 WHERE timestamp = to_timestamp($1)");
            synced.Parameters.AddWithValue(newest.GetProperty("time").GetInt64());
            Assert.Equal(1L, (long)(await synced.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        }

        // 3. The API returns the bars (anonymous caller = FREE, which may read EURUSD H1).
        Assert.True(api.GetProperty("success").GetBoolean());
        Assert.True(ohlc.GetArrayLength() >= 100, $"The API returned {ohlc.GetArrayLength()} H1 bars");

        // 4. The chart renders at least 100 candles: as many as the API served (a live bar may have come since).
        await using var page = await DashboardPage.OpenAsync(chromium, silo);
        await page.OpenChartAsync("EURUSD", "H1");
        var rendered = await page.ChartNumberAsync("data-bars");
        Assert.InRange(rendered, Math.Max(100, ohlc.GetArrayLength()), ohlc.GetArrayLength() + 2);

        // 5. Fractal markers and trendlines are drawn where a person sees them.
        await Assertions.Expect(page.Page.GetByTestId("fractal-marker").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.GetByTestId("trendline").First).ToBeVisibleAsync();
        var fractals = api.GetProperty("data").GetProperty("fractals");
        Assert.Equal(fractals.GetProperty("peaks").GetArrayLength() + fractals.GetProperty("bottoms").GetArrayLength(), await page.ChartNumberAsync("data-fractals"));

        // 6. The volume pane draws the API's tick volumes. The demo keeps writing (the forming bar's volume grows), so
        // compare an API answer the chart held still around.
        var (drawn, served, drawnAfter) = await Eventually.LastAsync(async () =>
        {
            var before = await page.Chart.GetAttributeAsync("data-volumes");
            var (_, latest) = await silo.GetJsonAsync("/api/indicators/EURUSD/H1?limit=5");
            var volumes = JsonSerializer.Serialize(latest.GetProperty("data").GetProperty("ohlc").EnumerateArray()
                .Select(b => new[] { b.GetProperty("time").GetInt64(), b.GetProperty("volume").GetInt64() }));
            return (before, volumes, await page.Chart.GetAttributeAsync("data-volumes"));
        }, v => v.before == v.volumes && v.volumes == v.Item3, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
        Assert.Equal(served, drawn);
        Assert.All(JsonSerializer.Deserialize<long[][]>(drawn!)!, v => Assert.True(v[1] > 0, $"bar {v[0]} drawn with volume {v[1]}"));
        Assert.Equal(drawn, drawnAfter);
        await page.ScreenshotAsync("chart-EURUSD-H1-free");
        page.AssertNoErrors();
    }

    [Fact]
    public async Task Chart_renders_on_every_timeframe_for_a_pro_user()
    {
        await using var page = await DashboardPage.OpenAsync(chromium, silo, "PRO");
        string[] timeframes = ["M5", "M15", "M30", "H1", "H2", "H4", "H8", "H12", "D1"];
        foreach (var tf in timeframes)
        {
            // Through the timeframe picker, as a person would.
            await page.Page.GetByTestId("timeframe-picker").GetByRole(AriaRole.Link, new() { Name = tf, Exact = true }).ClickAsync();
            await page.WaitForChartAsync(tf);
            var served = await silo.BarCountAsync("EURUSD", tf, silo.ProToken);
            var rendered = await page.ChartNumberAsync("data-bars");
            Assert.True(rendered >= 1 && Math.Abs(rendered - Math.Min(served, 1000)) <= 2, $"{tf}: rendered {rendered}, the API serves {served}");
            // PRO indicators are on: the moving-average toggles are enabled and checked.
            await Assertions.Expect(page.Page.Locator("input[data-layer=tema]")).ToBeCheckedAsync();
            await page.ScreenshotAsync($"chart-EURUSD-{tf}-pro");
        }

        page.AssertNoErrors();
    }

    [Fact]
    public async Task A_free_user_sees_locked_timeframes_with_the_upgrade_message()
    {
        await using var page = await DashboardPage.OpenAsync(chromium, silo, "FREE");
        await page.WaitForChartAsync("H1");
        var m5 = page.Page.GetByTestId("timeframe-picker").Locator("[data-locked]", new() { HasText = "M5" });
        await m5.ClickAsync();
        await Assertions.Expect(page.Page.GetByTestId("upgrade-message")).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.Locator("input[data-layer=tema]")).ToBeDisabledAsync();
        await page.ScreenshotAsync("chart-EURUSD-H1-free-locked");
        page.AssertNoErrors();
    }

    [Fact]
    public async Task Confluence_shows_the_score_to_pro_and_the_upgrade_message_to_free()
    {
        await using (var pro = await DashboardPage.OpenAsync(chromium, silo, "PRO"))
        {
            await pro.GotoAsync("/dashboard/confluence/EURUSD");
            var score = pro.Page.GetByTestId("confluence-score");
            await Assertions.Expect(score).ToBeVisibleAsync();
            await Assertions.Expect(pro.Page.GetByTestId("confluence-row")).ToHaveCountAsync(9);

            // The page shows what the API says: the score (to one decimal) and each timeframe's trend. The demo feed
            // keeps writing, so compare a page that held still around one API answer.
            async Task<string> Shown() => await score.InnerTextAsync() + " " + string.Join(",",
                await pro.Page.GetByTestId("confluence-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.timeframe + ':' + r.dataset.trend)"));
            JsonElement api = default;
            var (before, said, after) = await Eventually.LastAsync(async () =>
            {
                var shown = await Shown();
                (_, api) = await silo.GetJsonAsync("/api/confluence/EURUSD", silo.ProToken);
                return (shown, Said(api), await Shown());
            }, s => s.Item1 == s.Item2 && s.Item2 == s.Item3, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
            Assert.Equal(said, before);
            Assert.Equal(said, after);
            Assert.Equal(9, api.GetProperty("all_117_indicators").EnumerateObject().Count());
            await pro.ScreenshotAsync("confluence-EURUSD-pro");
            pro.AssertNoErrors();
        }

        await using var free = await DashboardPage.OpenAsync(chromium, silo, "FREE");
        await free.GotoAsync("/dashboard/confluence/EURUSD");
        await Assertions.Expect(free.Page.GetByTestId("upgrade-message")).ToBeVisibleAsync();
        await Assertions.Expect(free.Page.GetByTestId("confluence-score")).ToHaveCountAsync(0);
        // What the page shows is what the API says to a FREE caller.
        var freeToken = await silo.TokenAsync("FREE", "e2e-free");
        var (status, refusal) = await silo.GetJsonAsync("/api/confluence/EURUSD", freeToken);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, status);
        Assert.True(refusal.GetProperty("upgrade_required").GetBoolean());
        await free.ScreenshotAsync("confluence-EURUSD-free");
        free.AssertNoErrors();
    }

    /// <summary>What the confluence page should show for an API body: "score M5:trend,…,D1:trend".</summary>
    private static string Said(JsonElement confluence) =>
        confluence.GetProperty("confluence_score").GetDouble().ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " " +
        string.Join(",", confluence.GetProperty("breakdown").EnumerateObject().Select(tf => $"{tf.Name}:{tf.Value.GetProperty("trend").GetString()}"));
}
