using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TradingAlerts.E2E.Infrastructure;

/// <summary>
/// The built silo as a real process, shared by every test of this assembly: Development environment, cluster
/// mode on a fresh PostgreSQL database (schema applied at startup), the demo collector writing a temporary
/// SQLite file, rate limits off. Ready once EURUSD has its history on every timeframe.
/// </summary>
public sealed class DemoSilo : IAsyncLifetime, IDashboardSilo
{
    /// <summary>Days of demo history: enough for 100+ H1 bars and a few D1 bars, quick to ingest.</summary>
    public const int DemoDays = 6;

    /// <summary>Simulated seconds per second: an M5 bar closes every 5 s, so live bars come while a test watches.</summary>
    public const int DemoSpeed = 60;

    private readonly string _work = Directory.CreateTempSubdirectory("tradingalerts-e2e-").FullName;
    private readonly string _clusterId = $"e2e-{Guid.NewGuid():N}";
    private SiloProcess? _silo;
    private ThrowawayDatabase? _database;

    public string PostgresConnection => _database?.ConnectionString ?? string.Empty;

    public string CollectorPath => Path.Combine(_work, "collector.db");

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string ProToken { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        // Empty: the silo applies the schema at startup, as in production.
        _database = await ThrowawayDatabase.CreateAsync("ta_e2e", DatabaseContent.Empty);
        Start(port: null);
        await _silo!.WaitReadyAsync(TimeSpan.FromSeconds(120), "/healthz");
        ProToken = await TokenAsync("PRO", "e2e-pro");
        // The demo writes its history first; the grid has it once the top timeframe has its days.
        await WaitAsync($"EURUSD to have {DemoDays} days of history on every timeframe", TimeSpan.FromSeconds(300), async () =>
            await BarCountAsync("EURUSD", "H1", ProToken) >= 100 && await BarCountAsync("EURUSD", "D1", ProToken) >= DemoDays);
    }

    /// <summary>
    /// SIGKILLs the silo (no shutdown at all) and starts it again on the same port, database and collector file (the
    /// demo writes the file afresh), as a supervisor would; returns once it answers /healthz.
    /// </summary>
    public async Task KillAndRestartAsync()
    {
        _silo!.Kill();
        await _silo.Process.WaitForExitAsync(CancellationToken.None);
        _silo.Dispose();
        Start(BaseAddress.Port);
        await _silo.WaitReadyAsync(TimeSpan.FromSeconds(120), "/healthz");
    }

    public Task<string> TokenAsync(string tier, string user) => DevToken.GetAsync(Http, tier, user);

    /// <summary>GET with an optional bearer token; the body parsed as JSON.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(string path, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public async Task<int> BarCountAsync(string symbol, string timeframe, string? token = null)
    {
        var (status, body) = await GetJsonAsync($"/api/indicators/{symbol}/{timeframe}?limit=5000", token);
        return status == HttpStatusCode.OK ? body.GetProperty("data").GetProperty("ohlc").GetArrayLength() : 0;
    }

    /// <summary>The silo's last lines of output, for failure messages.</summary>
    public string LogTail() => _silo?.Tail(100) ?? string.Empty;

    /// <summary>Starts the silo on <paramref name="port"/> (a free one when null), this database and collector file.</summary>
    private void Start(int? port)
    {
        _silo = SiloProcess.Start("e2e-silo", new SiloProcessOptions
        {
            Postgres = PostgresConnection,
            ClusterId = _clusterId,
            HttpPort = port,
            // The project folder is the content root, as with `dotnet run`: appsettings and wwwroot from there.
            InProjectFolder = true,
            Demo = true,
            // One browser makes many requests in a few minutes; the quotas have their own tests.
            RateLimits = false,
            HttpTimeout = TimeSpan.FromSeconds(30),
            Variables = new Dictionary<string, string>
            {
                ["Database__ApplySchemaOnStartup"] = "true",
                ["Demo__SqlitePath"] = CollectorPath,
                ["Demo__Days"] = DemoDays.ToString(CultureInfo.InvariantCulture),
                ["Demo__Speed"] = DemoSpeed.ToString(CultureInfo.InvariantCulture),
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__TradingAlerts"] = "Information",
            },
        });
        BaseAddress = _silo.Http.BaseAddress!;
        Http = _silo.Http;
    }

    private async Task WaitAsync(string what, TimeSpan timeout, Func<Task<bool>> ready)
    {
        Exception? last = null;
        await Eventually.UntilAsync(what, async () =>
        {
            if (_silo!.HasExited)
            {
                throw new InvalidOperationException($"The silo exited while waiting for {what}. Its output:\n{LogTail()}");
            }

            try
            {
                return await ready();
            }
            catch (HttpRequestException ex)
            {
                last = ex; // not listening
                return false;
            }
        }, timeout, TimeSpan.FromMilliseconds(500), () => Task.FromResult($"({last?.Message}) The silo's output:\n{LogTail()}"));
    }

    public async ValueTask DisposeAsync()
    {
        _silo?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Directory.Delete(_work, recursive: true);
    }
}
