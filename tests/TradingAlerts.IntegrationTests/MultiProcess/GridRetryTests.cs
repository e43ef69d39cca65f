using System.Net;
using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.MultiProcess;

/// <summary>
/// The API's retry of grain calls, against a real grid failure: three built silos in cluster mode, every pair's grain
/// activated on the first, then that silo SIGKILLed. Calls into its grains fail until the cluster
/// declares it dead and the grains re-activate on a survivor. Right after the kill both survivors are asked for every
/// pair at once: the one whose retry budget outlasts the detection answers every pair 200; the one with a budget of
/// two quick retries answers the lost pairs 503 with Retry-After (after retrying, as its log shows), never a 500.
/// </summary>
public sealed class GridRetryTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>
{
    // Every pair, so that the victim holds a good share of the grains wherever placement puts them.
    private static readonly Pair[] TestPairs = [.. Symbols.All.SelectMany(s => Timeframes.All.Select(tf => new Pair(s, tf)))];
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task A_grid_failure_that_clears_within_the_retry_budget_is_a_200_and_one_that_outlasts_it_a_503_with_retry_after()
    {
        var ct = TestContext.Current.CancellationToken;
        var clusterId = $"grid-retry-{Guid.NewGuid():N}";
        // The victim first, alone: every pair's grain activates on it (its metrics sampler reads every pair at start).
        using var victim = Start("victim", clusterId, []);
        await victim.WaitReadyAsync(Startup, cancellationToken: ct);
        var token = await victim.AuthorizeAsync(cancellationToken: ct);
        foreach (var pair in TestPairs)
        {
            var (status, body, _) = await GetAsync(victim.Http, pair, ct);
            Assert.True(status == HttpStatusCode.OK, $"{pair.Key}: {(int)status} {body}");
        }

        using var patient = Start("patient", clusterId, ["--GridRetry:MaxRetries=20", "--GridRetry:Budget=00:00:40", "--GridRetry:Delay=00:00:00.100", "--GridRetry:MaxDelay=00:00:01"]);
        using var hasty = Start("hasty", clusterId, ["--GridRetry:MaxRetries=2", "--GridRetry:Delay=00:00:00.001", "--GridRetry:MaxDelay=00:00:00.001"]);
        await Task.WhenAll(new[] { patient, hasty }.Select(s => s.WaitReadyAsync(Startup, cancellationToken: ct)));
        foreach (var silo in new[] { patient, hasty })
        {
            silo.Http.DefaultRequestHeaders.Authorization = DevToken.Bearer(token);
        }

        // Every pair answers on the others too, and the victim still holds the grains.
        foreach (var pair in TestPairs)
        {
            var (status, body, _) = await GetAsync(patient.Http, pair, ct);
            Assert.True(status == HttpStatusCode.OK, $"{pair.Key}: {(int)status} {body}");
        }

        // Orleans' grain gauge is sampled, not live: wait (bounded) for it to count the victim's activations.
        var held = await Eventually.LastAsync(() => victim.GrainsAsync("timeframe", ct), n => n >= 10, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500), ct);
        Assert.True(held > 0, $"the victim holds none of the {TestPairs.Length} pairs' grains: {victim.Tail()}");

        victim.Kill();
        var patientAnswers = Task.WhenAll(TestPairs.Select(p => GetAsync(patient.Http, p, ct)));
        var hastyAnswers = await Task.WhenAll(TestPairs.Select(p => GetAsync(hasty.Http, p, ct)));

        var refused = hastyAnswers.Where(a => a.Status != HttpStatusCode.OK).ToList();
        Assert.True(refused.Count > 0, $"the hasty silo served all {TestPairs.Length} pairs right after the kill ({held} grains were on the victim):{Environment.NewLine}{string.Join(Environment.NewLine, hasty.Matching("grid", "Silo", "503"))}");
        Assert.All(refused, a =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status);
            Assert.True(a.RetryAfter is > 0, $"503 without Retry-After: {a.Body}");
            using var json = JsonDocument.Parse(a.Body);
            Assert.False(json.RootElement.GetProperty("success").GetBoolean());
            Assert.StartsWith(DependencyGrid, json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        });
        Assert.True(hasty.Matching("the grid could not answer, attempt 3 next").Count > 0, $"the hasty silo did not retry before its 503:{Environment.NewLine}{hasty.Tail()}");

        var answers = await patientAnswers;
        var failed = answers.Where(a => a.Status != HttpStatusCode.OK).Select(a => $"{(int)a.Status} {a.Body}").ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of {TestPairs.Length} pairs failed on the patient silo:{Environment.NewLine}{string.Join(Environment.NewLine, failed.Take(10))}{Environment.NewLine}{patient.Tail()}");
        Assert.True(patient.Matching("the grid could not answer").Count > 0, $"the patient silo never had to retry: {patient.Tail()}");
    }

    /// <summary>The envelope's words for a grid outage (DependencyFailure: "The grid is unavailable/timing out; retry later").</summary>
    private const string DependencyGrid = "The grid is ";

    private SiloProcess Start(string name, string clusterId, string[] arguments) => SiloProcess.Start(name, new SiloProcessOptions
    {
        Postgres = db.ConnectionString,
        ClusterId = clusterId,
        Demo = false,
        RateLimits = false,
        AdminPort = true,
        // Longer than the patient silo's retry budget.
        HttpTimeout = TimeSpan.FromSeconds(90),
        Arguments = arguments,
    });

    private static async Task<(HttpStatusCode Status, string Body, long? RetryAfter)> GetAsync(HttpClient http, Pair pair, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri($"/api/indicators/{pair.Symbol}/{pair.Timeframe.Name()}?limit=5", UriKind.Relative), ct);
        var retryAfter = response.Headers.RetryAfter?.Delta is { } delta ? (long)delta.TotalSeconds : (long?)null;
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct), retryAfter);
    }
}
