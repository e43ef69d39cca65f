using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using IRequest = Microsoft.Playwright.IRequest;
using TradingAlerts.E2E.Infrastructure;

namespace TradingAlerts.E2E;

/// <summary>
/// The chart page followed live while the silo serving it is SIGKILLed and started again: the page reconnects with
/// Last-Event-ID (its own silo process, so the shared one the other tests use keeps running).
/// </summary>
public sealed class LiveFailoverTests(Chromium chromium)
{
    [Fact]
    public async Task The_chart_resumes_after_its_silo_is_killed_and_its_last_bars_equal_the_api()
    {
        await using var silo = new DemoSilo();
        await silo.InitializeAsync();
        await using var page = await DashboardPage.OpenAsync(chromium, silo, "PRO");
        var streams = new List<IRequest>();
        page.Page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/stream", StringComparison.Ordinal))
            {
                lock (streams)
                {
                    streams.Add(request);
                }
            }
        };
        await page.OpenChartAsync("EURUSD", "M5");
        var status = page.Page.GetByTestId("live-status");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-state", "live");
        // Live events applied by position before the kill.
        var position = await WaitForPosition(page, after: -1);
        await page.Page.EvaluateAsync("() => { window.__sameDocument = true; }");

        await silo.KillAndRestartAsync();
        await page.Page.WaitForFunctionAsync("() => document.querySelector('[data-testid=live-status]').dataset.state === 'live' && " +
            $"Number(document.querySelector('[data-testid=trading-chart]').dataset.position) > {position}",
            null, new PageWaitForFunctionOptions { Timeout = 180_000, PollingInterval = 250 });
        Assert.True(await page.Page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page was reloaded");

        // One stream for the chart, resumed with the id of the last event the page had.
        IRequest[] made;
        lock (streams)
        {
            made = [.. streams];
        }

        Assert.True(made.Length >= 2, $"{made.Length} stream requests");
        Assert.All(made, r => Assert.Contains("/api/stream?pairs=EURUSD%2FM5", r.Url, StringComparison.Ordinal));
        var headers = await made[^1].AllHeadersAsync();
        Assert.False(string.IsNullOrEmpty(headers.GetValueOrDefault("last-event-id")), "the reconnect sent no Last-Event-ID");

        // The chart's newest bars equal what the API serves (bars keep coming: equal at some moment within the bound).
        string chart = string.Empty, api = string.Empty;
        await Eventually.UntilAsync("the chart's last bars to equal GET /api/indicators", async () =>
        {
            chart = await page.Chart.GetAttributeAsync("data-tail") ?? string.Empty;
            var (_, body) = await silo.GetJsonAsync("/api/indicators/EURUSD/M5?limit=5", silo.ProToken);
            api = JsonSerializer.Serialize(body.GetProperty("data").GetProperty("ohlc").EnumerateArray().Select(b => new[]
            {
                b.GetProperty("time").GetDouble(), b.GetProperty("open").GetDouble(), b.GetProperty("high").GetDouble(),
                b.GetProperty("low").GetDouble(), b.GetProperty("close").GetDouble(),
            }));
            return JsonSerializer.Serialize(JsonSerializer.Deserialize<double[][]>(chart)) == api;
        }, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200), () => Task.FromResult($"chart {chart}\napi   {api}\n{silo.LogTail()}"), TestContext.Current.CancellationToken);
        await page.ScreenshotAsync("chart-EURUSD-M5-after-silo-kill");
        // The browser reports the requests the dead silo could not answer; nothing else may fail.
        page.AssertNoErrors("net::ERR_");
    }

    private static async Task<long> WaitForPosition(DashboardPage page, long after)
    {
        await page.Page.WaitForFunctionAsync(
            $"() => Number(document.querySelector('[data-testid=trading-chart]').dataset.position ?? -1) > {after.ToString(CultureInfo.InvariantCulture)}",
            null, new PageWaitForFunctionOptions { Timeout = 90_000, PollingInterval = 250 });
        return long.Parse(await page.Chart.GetAttributeAsync("data-position") ?? "-1", CultureInfo.InvariantCulture);
    }
}
