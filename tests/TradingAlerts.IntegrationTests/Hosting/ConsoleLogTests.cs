using System.Net.Http.Json;
using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.IntegrationTests.Hosting;

/// <summary>
/// A newcomer's first run (<c>dotnet run --project src/TradingAlerts.Silo</c>: Development, embedded, demo collector)
/// with the shipped log levels: the console keeps what an operator reads and none of Orleans placement's Polly
/// telemetry, which printed a line per placement (about 350 in the first minute).
/// </summary>
public sealed class ConsoleLogTests
{
    [Fact]
    public async Task The_first_run_until_every_pair_is_fresh_prints_no_polly_information()
    {
        var lines = new List<string>();
        var demo = Path.Combine(Path.GetTempPath(), $"ta-console-{Guid.NewGuid():N}.db");
        using (var silo = SiloProcess.Start("first-run", new SiloProcessOptions
        {
            // The demo as a newcomer gets it, with less history so every pair is fresh sooner.
            Arguments = [$"--Demo:SqlitePath={demo}", "--Demo:Days=2"],
            OnLine = line => { lock (lines) { lines.Add(line); } },
        }))
        {
            await Eventually.UntilAsync($"all {Pair.All.Count} pairs fresh", async () =>
            {
                try
                {
                    using var health = await silo.Http.GetAsync(new Uri("/api/indicators/health", UriKind.Relative), TestContext.Current.CancellationToken);
                    var body = await health.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
                    return body.TryGetProperty("summary", out var summary) && summary.GetProperty("fresh").GetInt32() == Pair.All.Count;
                }
                catch (HttpRequestException)
                {
                    return false; // not listening yet
                }
            }, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1), () => Task.FromResult(silo.Tail()), TestContext.Current.CancellationToken);
        }

        string[] output;
        lock (lines)
        {
            output = [.. lines];
        }

        File.Delete(demo);
        TestContext.Current.SendDiagnosticMessage($"{output.Length} console lines until every pair was fresh");
        var polly = output.Where(l => l.Contains("info: Polly", StringComparison.Ordinal)).ToList();
        Assert.True(polly.Count == 0, $"{polly.Count} Polly information lines, e.g.\n{string.Join('\n', polly.Take(3))}");
        // What an operator needs stays: where it listens and what the demo collector and the agent do.
        Assert.Contains(output, l => l.Contains("Now listening on", StringComparison.Ordinal));
        Assert.Contains(output, l => l.Contains("TradingAlerts.Feeds.SyntheticCollector", StringComparison.Ordinal));
        Assert.Contains(output, l => l.Contains("TradingAlerts.Ingest", StringComparison.Ordinal));
    }
}
