using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using TradingAlerts.E2E.Infrastructure;

namespace TradingAlerts.E2E;

/// <summary>
/// Scrolling a chart back past the grain's window: the older bars come from the range API (PostgreSQL) and the chart
/// then holds every stored row; at the start of the history it stops asking. And the market-closed badge.
/// </summary>
public sealed class ScrollBackTests(Chromium chromium, StoredHistorySilo silo) : IClassFixture<StoredHistorySilo>
{
    /// <summary>dashboard scroll-back.js PAGE_BARS: what each request asks for.</summary>
    private const int PageBars = 500;

    [Fact]
    public async Task Scrolling_left_loads_the_stored_bars_older_than_the_window_and_stops_at_the_start()
    {
        await using var page = await DashboardPage.OpenAsync(chromium, silo, "PRO");
        // Signing in lands on this very chart, which loads its window and its first older page by itself: that page's
        // requests must be over before the ones below are counted (they once arrived after, counted twice).
        await Assertions.Expect(page.Chart).ToHaveAttributeAsync("data-bars", "600");
        await Assertions.Expect(page.Chart).Not.ToHaveAttributeAsync("data-history", "loading");
        var ranges = new List<(string Url, string? Source)>();
        page.Page.Response += (_, response) =>
        {
            if (response.Url.Contains("/api/indicators/EURUSD/H1?", StringComparison.Ordinal))
            {
                lock (ranges)
                {
                    ranges.Add((response.Url, response.Headers.GetValueOrDefault("x-bars-source")));
                }
            }
        };

        try
        {
            await page.OpenChartAsync("EURUSD", "H1");
            // Drag the chart to the right (the view moves to older bars) until it says the history starts here.
            for (var drag = 0; drag < 100 && await page.Chart.GetAttributeAsync("data-history") != "start"; drag++)
            {
                await DragRightAsync(page);
            }

            await Assertions.Expect(page.Chart).ToHaveAttributeAsync("data-history", "start");
            var asked = Snapshot(ranges).Count;
            for (var drag = 0; drag < 5; drag++)
            {
                await DragRightAsync(page);
            }

            // Every bar the chart draws is a row the test wrote: the window's and all the older ones, with volumes.
            var drawn = await page.Chart.EvaluateAsync<JsonElement>("el => el.drawnBars()");
            var expected = StoredHistorySilo.Stored;
            Assert.Equal(expected.Count, drawn.GetArrayLength());
            for (var i = 0; i < expected.Count; i++)
            {
                var bar = drawn[i];
                var row = expected[i];
                Assert.True(bar[0].GetInt64() == row.Time, $"bar {i}: time {bar[0]} drawn, {row.Time} stored");
                Assert.Equal([row.Open, row.High, row.Low, row.Close, row.TickVolume],
                    [bar[1].GetDouble(), bar[2].GetDouble(), bar[3].GetDouble(), bar[4].GetDouble(), bar[5].GetDouble()]);
            }

            // The first load is the window; each older page is one range request from PostgreSQL, `to` one second
            // before the oldest bar held; the last found nothing, and no request followed it.
            var requests = Snapshot(ranges);
            Assert.Equal(asked, requests.Count);
            var older = requests.Where(r => r.Url.Contains("to=", StringComparison.Ordinal)).ToList();
            // The oldest bar held before each request: the window's, then PageBars further back each time, then the first.
            var expectedTo = new List<long>();
            for (var held = expected.Count - StoredHistorySilo.Window; held > 0; held = Math.Max(0, held - PageBars))
            {
                expectedTo.Add(expected[held].Time - 1);
            }

            expectedTo.Add(expected[0].Time - 1);
            Assert.Equal(expectedTo, older.Select(r => Query(r.Url, "to")).ToList());
            Assert.All(older, r => Assert.Equal(PageBars, Query(r.Url, "limit")));
            Assert.All(older, r => Assert.Equal("postgres", r.Source));
            Assert.Equal(requests.Count - 1, older.Count);
            await page.ScreenshotAsync("chart-EURUSD-H1-scrolled-back");
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            throw await page.FailureAsync("scroll-back", silo, ex);
        }

        page.AssertNoErrors();
    }

    [Fact]
    public async Task The_market_closed_badge_shows_for_a_closed_market_and_not_for_an_open_one()
    {
        await using var page = await DashboardPage.OpenAsync(chromium, silo, "PRO");
        await page.OpenChartAsync("EURUSD", "H1");
        await Assertions.Expect(page.Page.GetByTestId("market-state")).ToHaveTextAsync("market closed");

        await page.OpenChartAsync("XAUUSD", "H1");
        await Assertions.Expect(page.Page.GetByTestId("market-state")).ToHaveCountAsync(0);
        page.AssertNoErrors();
    }

    /// <summary>A user's drag across most of the chart from left to right, then the scroll-back settled.</summary>
    private static async Task DragRightAsync(DashboardPage page)
    {
        var box = await page.Chart.BoundingBoxAsync() ?? throw new InvalidOperationException("The chart has no box");
        var y = box.Y + (box.Height * 0.4f);
        await page.Page.Mouse.MoveAsync(box.X + (box.Width * 0.1f), y);
        await page.Page.Mouse.DownAsync();
        await page.Page.Mouse.MoveAsync(box.X + (box.Width * 0.8f), y, new MouseMoveOptions { Steps = 8 });
        await page.Page.Mouse.UpAsync();
        await Assertions.Expect(page.Chart).Not.ToHaveAttributeAsync("data-history", "loading");
    }

    private static List<(string Url, string? Source)> Snapshot(List<(string Url, string? Source)> ranges)
    {
        lock (ranges)
        {
            return [.. ranges];
        }
    }

    private static long Query(string url, string name)
    {
        var query = new Uri(url).Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Single(p => p[0] == name);
        return long.Parse(query[1], CultureInfo.InvariantCulture);
    }
}
