using Microsoft.Playwright;

namespace TradingAlerts.E2E.Infrastructure;

/// <summary>Debian's Chromium, headless, driven by Playwright; one browser for the whole assembly.</summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ExecutablePath}: the end-to-end tests need Debian's chromium package. " +
                "Run them with deploy/test.sh, which installs it with apt-get, or run `apt-get install chromium`.");
        }

        // Expectations wait for the page as long as actions do: a bound against hangs, not a speed target.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Root in a container has no user namespaces for the sandbox; /dev/shm may be small.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
