using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Hosting;

/// <summary>
/// The deploy gate of deploy/deploy.sh and rollback.sh (deploy/lib/rollout.sh's <c>verify</c>, run by bash with curl
/// and jq) against the real silo on a Kestrel port: it passes only when every pair is fresh, or as many as
/// TA_GATE_FRESH says.
/// </summary>
public sealed class DeployGateTests : IAsyncLifetime
{
    private const long BarTime = 1_641_254_400; // 2022-01-04 00:00 UTC, a bar open time of every timeframe

    private readonly SiloFactory _silo = new();
    private Uri _baseAddress = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _baseAddress = _silo.StartOnLoopback();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task The_gate_waits_for_every_pair_unless_a_threshold_is_set()
    {
        // Every symbol but the last gets a bar on all nine timeframes now: all their pairs are fresh, the last's empty.
        foreach (var symbol in Symbols.All.SkipLast(1))
        {
            await IngestNow(symbol);
        }

        var fresh = await FreshPairs();
        Assert.Equal((Symbols.All.Count - 1) * Timeframes.All.Count, fresh);

        var failed = await Gate(gateFresh: null);
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("indicator freshness", failed.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await Gate(gateFresh: fresh.ToString(CultureInfo.InvariantCulture))).ExitCode);
        Assert.NotEqual(0, (await Gate(gateFresh: (fresh + 1).ToString(CultureInfo.InvariantCulture))).ExitCode);
        Assert.NotEqual(0, (await Gate(gateFresh: "most")).ExitCode);

        await IngestNow(Symbols.All[^1]);
        var passed = await Gate(gateFresh: null);
        Assert.True(passed.ExitCode == 0, passed.Error);
        Assert.Contains("indicator freshness: ok", passed.Error, StringComparison.Ordinal);
    }

    private async Task IngestNow(string symbol)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var rows = Timeframes.All.Select((tf, i) => new BarRecord(tf, BarTime, 1, 2, 0.5, 1.5, IndicatorValues.None, i + 1, now)).ToArray();
        await _silo.Services.GetRequiredService<IGrainFactory>().GetGrain<ISymbolGrain>(symbol).Ingest(new IngestBatch(symbol, "gate-test", rows, rows.Length));
    }

    private async Task<int> FreshPairs()
    {
        using var http = new HttpClient { BaseAddress = _baseAddress };
        var body = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/indicators/health", UriKind.Relative), Ct);
        return body.GetProperty("summary").GetProperty("fresh").GetInt32();
    }

    /// <summary>Sources the rollout library and runs its verify step against the silo, with a short gate timeout.</summary>
    private async Task<(int ExitCode, string Output, string Error)> Gate(string? gateFresh)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-c", "set -euo pipefail; . deploy/lib/rollout.sh; parse_args --base-url \"$1\"; verify", "gate", _baseAddress.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TA_GATE_TIMEOUT"] = "4";
        // Freshness only: the served-bars comparison has its own test (ChartAccuracyGateTests).
        start.Environment["TA_GATE_PAIRS"] = "";
        start.Environment["TA_STATE_DIR"] = Path.GetTempPath();
        if (gateFresh is null)
        {
            start.Environment.Remove("TA_GATE_FRESH");
        }
        else
        {
            start.Environment["TA_GATE_FRESH"] = gateFresh;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromMinutes(1), Ct);
        return (process.ExitCode, await output, await error);
    }
}
