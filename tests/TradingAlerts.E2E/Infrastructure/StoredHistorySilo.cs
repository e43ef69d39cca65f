using System.Globalization;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.TestSupport;

namespace TradingAlerts.E2E.Infrastructure;

/// <summary>
/// A silo process of its own (no demo collector, rate limits off) on a fresh PostgreSQL database that holds far more
/// EURUSD H1 history than the grain's window (<see cref="Window"/> bars), so a chart can only scroll back through the
/// range API's PostgreSQL path. Its sessions put FX closed and metals open now, whatever the day.
/// </summary>
public sealed class StoredHistorySilo : IAsyncLifetime, IDashboardSilo
{
    /// <summary>Grid:BarCapacity: the bars a TimeframeGrain holds, so the chart's first load holds no more.</summary>
    public const int Window = 100;

    /// <summary>Stored EURUSD H1 rows, oldest first (times every hour from a Monday).</summary>
    public static readonly IReadOnlyList<BarRecord> Stored = StoredBars(1300);

    private SiloProcess? _silo;
    private ThrowawayDatabase? _database;

    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await ThrowawayDatabase.CreateAsync("ta_e2e_history", DatabaseContent.Schema);
        // Written before the silo starts: the grain rehydrates the newest Window rows, the rest is only in PostgreSQL.
        await _database.DataSource.BulkUpsertAsync(new Pair("EURUSD", Timeframe.H1), Stored, TestContext.Current.CancellationToken);
        var now = DateTime.UtcNow;
        _silo = SiloProcess.Start("e2e-history-silo", new SiloProcessOptions
        {
            Postgres = _database.ConnectionString,
            ClusterId = $"e2e-history-{Guid.NewGuid():N}",
            InProjectFolder = true,
            Demo = false,
            RateLimits = false,
            HttpTimeout = TimeSpan.FromSeconds(30),
            Variables = new Dictionary<string, string>
            {
                ["Grid__BarCapacity"] = Window.ToString(CultureInfo.InvariantCulture),
                ["Markets__ServerTimeZone"] = "UTC",
                // deploy/test.sh opens every market for every process; here FX gets one minute six hours away (closed
                // now on any day) and metals the whole week.
                ["Markets__Sessions__fx__0"] = Minute(now.AddHours(6)),
                ["Markets__Sessions__metal__0"] = "Mon 00:00-Mon 00:00",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__TradingAlerts"] = "Information",
            },
        });
        BaseAddress = _silo.Http.BaseAddress!;
        await _silo.WaitReadyAsync(TimeSpan.FromSeconds(120), "/healthz");
    }

    public string LogTail() => _silo?.Tail(100) ?? string.Empty;

    /// <summary>A one-minute weekly session starting at <paramref name="at"/>, e.g. <c>Tue 04:10-Tue 04:11</c>.</summary>
    private static string Minute(DateTime at)
    {
        static string Day(DateTime t) => t.DayOfWeek.ToString()[..3];
        var end = at.AddMinutes(1);
        return string.Create(CultureInfo.InvariantCulture, $"{Day(at)} {at:HH:mm}-{Day(end)} {end:HH:mm}");
    }

    /// <summary>A walk with 5-decimal prices and a distinct tick volume per bar, so any misplaced bar shows.</summary>
    private static List<BarRecord> StoredBars(int count)
    {
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var bars = new List<BarRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var open = Math.Round(1.1 + (0.0001 * (i % 97)) + (0.00003 * (i % 13)), 5);
            var close = Math.Round(open + (i % 2 == 0 ? 0.00042 : -0.00037), 5);
            bars.Add(new BarRecord(Timeframe.H1, start + (i * 3600L), open, Math.Round(Math.Max(open, close) + 0.0002, 5),
                Math.Round(Math.Min(open, close) - 0.0002, 5), close, IndicatorValues.None, i + 1, 1, TickVolume: 500 + i));
        }

        return bars;
    }

    public async ValueTask DisposeAsync()
    {
        _silo?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
