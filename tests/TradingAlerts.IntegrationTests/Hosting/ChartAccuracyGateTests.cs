using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Hosting;

/// <summary>
/// The "chart accuracy verified" step of the deploy gate (deploy/lib/rollout.sh's <c>verify</c>, which runs
/// deploy/lib/accuracy.sh with curl, jq and psql) against a real cluster silo on a real PostgreSQL: it passes while the
/// bars the API serves are the stored rows, and fails the rollout, naming the pair and the bar, when a row differs from
/// what is served or a stored row is not served. The expected bars are what psql reads, never what the silo computes.
/// </summary>
public sealed class ChartAccuracyGateTests : IAsyncLifetime
{
    private const long Start = 1_641_254_400; // 2022-01-04 00:00 UTC

    // The gate's default sample, each with its bar duration: a row every bar but the sixth (a gap).
    private static readonly (string Table, long Seconds)[] Pairs = [("eurusd_h1", 3_600), ("usdjpy_h4", 14_400), ("xauusd_d1", 86_400)];
    private const int Bars = 12;
    private const int Gap = 5;

    private readonly SchemaDatabase _db = new();
    private SiloFactory _silo = null!;
    private Uri _baseAddress = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        foreach (var (table, seconds) in Pairs)
        {
            for (var i = 0; i < Bars; i++)
            {
                if (i == Gap)
                {
                    continue;
                }

                // Prices with digits a double cannot hold exactly, so a formatting difference would show.
                var open = 1.08 + (i * 0.00013);
                await Exec(FormattableString.Invariant(
                    $"INSERT INTO {table} (timestamp, open, high, low, close) VALUES (to_timestamp({Start + (i * seconds)}), {open:R}, {open + 0.0007:R}, {open - 0.0003:R}, {open + 0.0001:R})"));
            }
        }

        // The grains rehydrate these rows when the gate's first request activates them.
        _silo = new SiloFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = _db.ConnectionString,
            ["ConnectionStrings:Redis"] = TestEnvironment.Redis,
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
        });
        _baseAddress = _silo.StartOnLoopback();
    }

    public async ValueTask DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task The_gate_passes_on_the_stored_bars_and_fails_on_a_changed_or_an_unserved_row()
    {
        var passed = await Gate();
        Assert.True(passed.ExitCode == 0, passed.Error);
        foreach (var pair in new[] { "EURUSD/H1", "USDJPY/H4", "XAUUSD/D1" })
        {
            Assert.Contains($"chart accuracy: {pair} ok", passed.Error, StringComparison.Ordinal);
        }

        // A closed bar's close changed in PostgreSQL behind the grain's back: served and stored differ.
        var changed = Start + (3 * 3_600);
        await Exec($"UPDATE eurusd_h1 SET close = close + 0.0001 WHERE timestamp = to_timestamp({changed})");
        var mismatch = await Gate();
        Assert.NotEqual(0, mismatch.ExitCode);
        Assert.Contains($"chart accuracy: EURUSD/H1: 1 of {Bars - 2} served bars differ from PostgreSQL", mismatch.Error, StringComparison.Ordinal);
        Assert.Contains($"first at time {changed}", mismatch.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("USDJPY/H4 ok", mismatch.Error, StringComparison.Ordinal); // the rollout stops at the first

        // Restored, the gate passes again; then a row appears in the gap that the grain never served.
        await Exec($"UPDATE eurusd_h1 SET close = close - 0.0001 WHERE timestamp = to_timestamp({changed})");
        Assert.Equal(0, (await Gate()).ExitCode);
        var gap = Start + (Gap * 14_400);
        await Exec($"INSERT INTO usdjpy_h4 (timestamp, open, high, low, close) VALUES (to_timestamp({gap}), 1, 2, 0.5, 1.5)");
        var unserved = await Gate();
        Assert.NotEqual(0, unserved.ExitCode);
        Assert.Contains($"chart accuracy: USDJPY/H4: {Bars - 1 - Gap} of {Bars - 2} served bars differ from PostgreSQL ({Bars - 1} rows in the span); first at time {gap}", unserved.Error, StringComparison.Ordinal);
    }

    private async Task Exec(string sql)
    {
        await using var command = _db.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Ct);
    }

    /// <summary>
    /// Sources the rollout library and runs its whole verify step against the silo (readiness, freshness of at least 0
    /// pairs: the stored bars are from 2022, then accuracy), reading PostgreSQL with psql.
    /// </summary>
    private async Task<(int ExitCode, string Output, string Error)> Gate()
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

        var pg = new NpgsqlConnectionStringBuilder(_db.ConnectionString);
        start.Environment["TA_GATE_PSQL"] = string.Create(CultureInfo.InvariantCulture, $"host={pg.Host} port={pg.Port} user={pg.Username} dbname={pg.Database}")
            + (string.IsNullOrEmpty(pg.Password) ? "" : $" password={pg.Password}");
        start.Environment.Remove("TA_GATE_PAIRS");
        start.Environment["TA_GATE_ACCURACY_TRIES"] = "1";
        start.Environment["TA_GATE_FRESH"] = "0";
        start.Environment["TA_GATE_TIMEOUT"] = "20";
        start.Environment["TA_STATE_DIR"] = Path.GetTempPath();

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromMinutes(1), Ct);
        return (process.ExitCode, await output, await error);
    }
}
