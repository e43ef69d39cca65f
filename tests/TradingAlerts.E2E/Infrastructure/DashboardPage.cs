using Microsoft.Playwright;

namespace TradingAlerts.E2E.Infrastructure;

/// <summary>
/// One browser context on the silo (its own storage, so its own sign-in) and its page, recording every console
/// error, uncaught exception and content-security-policy violation: a page that logs one fails its test. Every page
/// document must carry the silo's policy, so the tests prove the app works under it.
/// </summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    /// <summary>Reports each policy violation as a console error (Chromium logs most of them itself; this catches all).</summary>
    private const string ReportViolations =
        "document.addEventListener('securitypolicyviolation', e => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));";

    private DashboardPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add($"console: {message.Text} ({message.Location})");
                }
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "document" && response.Status == 200 && !response.Headers.ContainsKey("content-security-policy"))
            {
                lock (_errors)
                {
                    _errors.Add($"no content-security-policy on {response.Url}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add($"uncaught: {error}");
            }
        };
    }

    public IPage Page { get; }

    public ILocator Chart => Page.GetByTestId("trading-chart");

    /// <summary>A fresh page; signed in through /login when a tier is given, anonymous (FREE) otherwise.</summary>
    public static async Task<DashboardPage> OpenAsync(Chromium chromium, IDashboardSilo silo, string? tier = null)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = silo.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(ReportViolations);
        var page = new DashboardPage(context, await context.NewPageAsync());
        if (tier is not null)
        {
            try
            {
                await page.GotoAsync("/login?next=/dashboard/chart/EURUSD/H1");
                await page.Page.GetByTestId(tier == "PRO" ? "login-pro" : "login-free").ClickAsync();
                // The address is polled, not awaited as a navigation: WaitForURL waits for a load state once the address
                // matches, and when the navigation had already committed that wait timed out in full runs (never alone)
                // although the signed-in page had rendered. The badge below is what proves the page.
                await Assertions.Expect(page.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dashboard/chart/EURUSD/H1$"));
                await Assertions.Expect(page.Page.GetByTestId("tier-badge")).ToHaveTextAsync(tier);
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                throw await page.FailureAsync($"sign-in as {tier}", silo, ex);
            }
        }

        return page;
    }

    /// <summary>What a failed step leaves for diagnosis: the page's address, errors and a screenshot, and the silo's output.</summary>
    public async Task<Exception> FailureAsync(string step, IDashboardSilo silo, Exception cause)
    {
        var shot = Path.Combine(Repository.Screenshots, $"failure-{DateTime.UtcNow:HHmmss-fff}.png");
        try
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, Timeout = 10_000 });
        }
        catch (PlaywrightException)
        {
            shot = "(no screenshot: the page did not answer)";
        }

        string errors;
        lock (_errors)
        {
            errors = string.Join('\n', _errors);
        }

        return new InvalidOperationException(
            $"{step} failed at {Page.Url}: {cause.Message}\nScreenshot: {shot}\nPage errors: {errors}\nThe silo's output:\n{silo.LogTail()}", cause);
    }

    /// <summary>
    /// Navigates and waits until the page's script has run (DOMContentLoaded follows the deferred module script).
    /// Not the "load" event: it adds nothing the tests look at and has been seen to stall on a starved machine;
    /// each test then waits for what the page must show.
    /// </summary>
    public async Task GotoAsync(string path) =>
        await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });

    /// <summary>Opens a chart and waits until it has drawn the bars it loaded.</summary>
    public async Task OpenChartAsync(string symbol, string timeframe)
    {
        await GotoAsync($"/dashboard/chart/{symbol}/{timeframe}");
        await WaitForChartAsync(timeframe);
    }

    public async Task WaitForChartAsync(string timeframe)
    {
        await Assertions.Expect(Chart).ToBeVisibleAsync();
        await Assertions.Expect(Chart).ToHaveAttributeAsync("data-timeframe", timeframe);
        await Assertions.Expect(Chart).ToHaveAttributeAsync("data-state", "ready");
    }

    public async Task<long> ChartNumberAsync(string attribute) =>
        long.Parse(await Chart.GetAttributeAsync(attribute) ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Screenshots, $"{name}.png"), FullPage = true });

    /// <summary>Fails when the page logged an error (other than one containing an <paramref name="expected"/> text) or threw.</summary>
    public void AssertNoErrors(params string[] expected)
    {
        lock (_errors)
        {
            var unexpected = _errors.Where(e => !expected.Any(x => e.Contains(x, StringComparison.Ordinal))).ToList();
            Assert.True(unexpected.Count == 0, "The page logged errors:\n" + string.Join('\n', unexpected));
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
