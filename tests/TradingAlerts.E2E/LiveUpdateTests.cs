using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using TradingAlerts.E2E.Infrastructure;

namespace TradingAlerts.E2E;

/// <summary>A bar the collector writes reaches an open chart through the SSE stream, without a reload.</summary>
public sealed class LiveUpdateTests(Chromium chromium, DemoSilo silo)
{
    [Fact]
    public async Task A_new_bar_written_by_the_collector_appears_on_the_open_chart()
    {
        await using var page = await DashboardPage.OpenAsync(chromium, silo, "PRO");
        await page.OpenChartAsync("EURUSD", "M5");
        await Assertions.Expect(page.Page.GetByTestId("live-status")).ToHaveAttributeAsync("data-state", "live");
        var before = await page.ChartNumberAsync("data-last-time");
        var barsBefore = await page.ChartNumberAsync("data-bars");
        // A marker in the page's memory: a reload would lose it.
        await page.Page.EvaluateAsync("() => { window.__sameDocument = true; }");

        // The demo runs 60 simulated seconds a second: an M5 bar opens about every 5 s.
        await page.Page.WaitForFunctionAsync(
            "t => Number(document.querySelector('[data-testid=trading-chart]').dataset.lastTime) > t",
            before, new PageWaitForFunctionOptions { Timeout = 90_000, PollingInterval = 250 });
        var after = await page.ChartNumberAsync("data-last-time");
        Assert.True(await page.Page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page was reloaded");
        Assert.True(await page.ChartNumberAsync("data-bars") > barsBefore);
        // The chart keeps to the window while it updates (a box sized by its content would grow with every resize).
        var box = await page.Chart.BoundingBoxAsync();
        Assert.True(box is { Height: > 0 and <= 900 }, $"The chart is {box?.Height} px high in a 900 px window");

        // The bar the page shows is one the collector wrote.
        await using var sqlite = new SqliteConnection($"Data Source={silo.CollectorPath};Mode=ReadOnly");
        await sqlite.OpenAsync(TestContext.Current.CancellationToken);
        await using var written = sqlite.CreateCommand();
        written.CommandText = "SELECT count(*) FROM EURUSD WHERE timeframe = 'M5' AND timestamp = $t";
        written.Parameters.AddWithValue("$t", after);
        Assert.Equal(1L, (long)(await written.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        await page.ScreenshotAsync("chart-EURUSD-M5-live");
        page.AssertNoErrors();
    }
}
