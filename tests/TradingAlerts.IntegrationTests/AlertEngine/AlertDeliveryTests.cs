using System.Net;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.AlertEngine;

/// <summary>
/// The alert engine as the proof consumer (docs/alert-engine.md): with the engine SIGKILLed and restarted during a
/// replay, and separately a silo SIGKILLed, the webhook receives exactly the alerts the collector file's closed bars call
/// for (computed offline by the test's own reading of the rules), each under its deterministic id, signed; a receiver
/// answering 500 for a while gets them later, under the same id and body; and a receiver that never accepts sees each
/// alert dead-lettered after the configured tries, visible in the engine's metrics.
/// </summary>
public sealed class AlertDeliveryTests : IAsyncLifetime
{
    private AlertEngineHarness _grid = null!;

    public async ValueTask InitializeAsync() => _grid = await AlertEngineHarness.StartAsync();

    [Fact]
    public async Task Alerts_delivered_across_engine_and_silo_kills_are_exactly_the_reference_alerts_of_the_closed_bars()
    {
        var ct = TestContext.Current.CancellationToken;
        const int failFirst = 40;
        _grid.Receiver.Answer = n => n < failFirst ? HttpStatusCode.InternalServerError : HttpStatusCode.OK;
        var silos = await Task.WhenAll(_grid.StartSiloAsync(1, ct), _grid.StartSiloAsync(2, ct));

        // The engine starts before any bar exists: every bar the file will hold passes through it.
        var engine = _grid.StartEngine("engine", maxAttempts: 1000);
        await AlertEngineHarness.WaitEngineStartedAsync(engine, ct);
        _grid.StartFeed(historyDays: 1, live: true);
        _grid.StartAgent();

        // Mid-replay: alerts are in the outbox and some were refused; the engine dies without any shutdown.
        await Eventually.UntilAsync("alerts in the outbox and the receiver refusing", async () =>
            await _grid.OutboxCountAsync("true") >= 60 && _grid.Receiver.Deliveries.Count >= failFirst, AlertEngineHarness.Bounded,
            TimeSpan.FromMilliseconds(100), () => Task.FromResult(_grid.Tails()), ct);
        engine.Kill();
        var beforeRestart = await _grid.OutboxCountAsync("true");
        var restarted = _grid.StartEngine("engine-restarted", maxAttempts: 1000);
        await AlertEngineHarness.WaitEngineStartedAsync(restarted, ct);
        Assert.Contains(restarted.Matching("Alert engine watching"), l => l.Contains($"{AlertEngineHarness.Symbols.Length * AlertEngineHarness.Timeframes.Length} pairs resumed", StringComparison.Ordinal));

        // Then lose a silo (the engine's gateway may be on it) while live bars keep coming.
        await Eventually.UntilAsync("new alerts after the engine's restart", async () => await _grid.OutboxCountAsync("true") > beforeRestart + 20,
            AlertEngineHarness.Bounded, TimeSpan.FromMilliseconds(200), () => Task.FromResult(_grid.Tails()), ct);
        silos[0].Kill();
        var beforeSiloLoss = await _grid.OutboxCountAsync("true");
        await Eventually.UntilAsync("new alerts after the silo's loss", async () => await _grid.OutboxCountAsync("true") > beforeSiloLoss + 20,
            AlertEngineHarness.Bounded, TimeSpan.FromMilliseconds(200), () => Task.FromResult(_grid.Tails()), ct);

        await _grid.StopFeedAsync();
        await _grid.WaitAllIngestedAsync(ct);
        var expected = _grid.Reference();
        Assert.True(expected.Count > 100, $"the replay called for only {expected.Count} alerts: too few to prove anything");
        var accepted = await Eventually.LastAsync(() => Task.FromResult(_grid.Receiver.Accepted()), a => a.SetEquals(expected), AlertEngineHarness.Bounded,
            TimeSpan.FromMilliseconds(500), ct);

        var missing = expected.Except(accepted).Order(StringComparer.Ordinal).ToList();
        var unexpected = accepted.Except(expected).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            $"{expected.Count} expected, {accepted.Count} accepted; missing {missing.Count}: {string.Join(", ", missing.Take(15))}; unexpected {unexpected.Count}: {string.Join(", ", unexpected.Take(15))}{Environment.NewLine}{_grid.Tails()}");

        var deliveries = _grid.Receiver.Deliveries;
        Assert.All(deliveries, d => Assert.True(d.SignatureValid, $"signature {d.Signature} does not verify for {d.Body}"));
        Assert.All(deliveries, d => Assert.Equal(d.BodyId, d.IdempotencyKey));
        // Every id arrives with one body however often it is sent (refused tries, a kill between answer and bookkeeping).
        var byId = deliveries.GroupBy(d => d.BodyId!).ToList();
        Assert.All(byId, g => Assert.Single(g.Select(d => d.Body).Distinct(StringComparer.Ordinal)));
        var refused = deliveries.Where(d => d.Answered == 500).Select(d => d.BodyId!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(failFirst, deliveries.Count(d => d.Answered == 500));
        Assert.Subset(accepted.ToHashSet(StringComparer.Ordinal), refused); // refused ones were all delivered later
        Assert.Contains(byId, g => g.Count() > 1); // a duplicate delivery, under the same id
        await Eventually.UntilAsync("the outbox to hold only delivered alerts", async () => await _grid.OutboxCountAsync("status <> 'delivered'") == 0,
            TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200), cancellationToken: ct);
        Assert.Equal(expected.Count, await _grid.OutboxCountAsync("true"));
        TestContext.Current.TestOutputHelper?.WriteLine($"{expected.Count} alerts delivered exactly as computed from the file; {deliveries.Count} POSTs, {refused.Count} ids refused first");
    }

    [Fact]
    public async Task A_receiver_that_never_accepts_sees_each_alert_dead_lettered_after_max_attempts_in_the_metrics()
    {
        var ct = TestContext.Current.CancellationToken;
        const int maxAttempts = 3;
        _grid.Receiver.Answer = _ => HttpStatusCode.InternalServerError;
        await _grid.StartSiloAsync(1, ct);
        var metricsPort = TestEnvironment.FreePort();
        var engine = _grid.StartEngine("engine", maxAttempts, metricsPort);
        await AlertEngineHarness.WaitEngineStartedAsync(engine, ct);
        _grid.StartFeed(historyDays: 1, live: false);
        _grid.StartAgent();
        await _grid.WaitAllIngestedAsync(ct);
        var expected = _grid.Reference();
        Assert.NotEmpty(expected);

        using var metrics = new HttpClient { BaseAddress = new Uri($"http://localhost:{metricsPort}"), Timeout = TimeSpan.FromSeconds(10) };
        var samples = await Eventually.LastAsync(async () => await Scrape(metrics, ct),
            s => Value(s, "tradingalerts_alerts_webhook_dead_lettered_total") == expected.Count && Value(s, "tradingalerts_alerts_webhook_pending") == 0,
            AlertEngineHarness.Bounded, TimeSpan.FromMilliseconds(500), ct);

        Assert.Equal(expected.Count, Value(samples, "tradingalerts_alerts_webhook_dead_lettered_total"));
        Assert.Equal(expected.Count * (maxAttempts - 1), Value(samples, "tradingalerts_alerts_webhook_retried_total"));
        Assert.Equal(0, Value(samples, "tradingalerts_alerts_webhook_pending"));
        Assert.Equal(0, Value(samples, "tradingalerts_alerts_webhook_delivered_total") ?? 0);
        var tries = _grid.Receiver.Deliveries.GroupBy(d => d.BodyId!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.True(tries.Keys.ToHashSet(StringComparer.Ordinal).SetEquals(expected), "the receiver was sent other alerts than the reference's");
        Assert.All(tries, t => Assert.Equal(maxAttempts, t.Value));
        Assert.Equal(expected.Count, await _grid.OutboxCountAsync($"status = 'dead' AND attempts = {maxAttempts} AND last_error = 'HTTP 500'"));
    }

    [Fact]
    public async Task A_webhook_without_a_secret_is_refused_at_start_with_the_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        var engine = _grid.StartEngine("engine", maxAttempts: 3, metricsPort: null, "--Alerts:Webhook:Secret=");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(AlertEngineHarness.Startup);
        await engine.WaitForExitAsync(timeout.Token);
        Assert.NotEmpty(engine.Matching("Alerts:Webhook:Secret is required"));
        Assert.Empty(_grid.Receiver.Deliveries);
    }

    private static async Task<IReadOnlyList<PrometheusSample>> Scrape(HttpClient metrics, CancellationToken ct)
    {
        try
        {
            return PrometheusText.Parse(await metrics.GetStringAsync(new Uri("/metrics", UriKind.Relative), ct));
        }
        catch (HttpRequestException)
        {
            return []; // not listening yet
        }
    }

    private static double? Value(IReadOnlyList<PrometheusSample> samples, string name) =>
        samples.Where(s => s.Name == name).Select(s => (double?)s.Value).FirstOrDefault();

    public async ValueTask DisposeAsync() => await _grid.DisposeAsync();
}
