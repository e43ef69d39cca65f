using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace TradingAlerts.E2E.Infrastructure;

/// <summary>
/// The built silo as a real process, shared by every test of this assembly: Development environment, cluster
/// mode on a fresh PostgreSQL database (schema applied at startup), the demo collector writing a temporary
/// SQLite file, rate limits off. Ready once EURUSD has its history on every timeframe.
/// </summary>
public sealed class SiloProcess : IAsyncLifetime
{
    private const string SiloProject = "TradingAlerts.Silo";

    /// <summary>Days of demo history: enough for 100+ H1 bars and a few D1 bars, quick to ingest.</summary>
    public const int DemoDays = 6;

    /// <summary>Simulated seconds per second: an M5 bar closes every 5 s, so live bars come while a test watches.</summary>
    public const int DemoSpeed = 60;

    private readonly string _work = Directory.CreateTempSubdirectory("tradingalerts-e2e-").FullName;
    private readonly StringBuilder _log = new();
    private Process? _process;
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
        var port = TestEnvironment.FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Start(port);
        await WaitAsync("/healthz to answer", TimeSpan.FromSeconds(120), async () =>
            (await Http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode == HttpStatusCode.OK);
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
        _process!.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Start(BaseAddress.Port);
        await WaitAsync("/healthz to answer after the restart", TimeSpan.FromSeconds(120), async () =>
            (await Http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode == HttpStatusCode.OK);
    }

    public async Task<string> TokenAsync(string tier, string user)
    {
        using var response = await Http.PostAsJsonAsync(new Uri("/api/dev/token", UriKind.Relative), new { tier, user });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

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

    /// <summary>The silo's output so far, for failure messages.</summary>
    public string LogTail()
    {
        lock (_log)
        {
            var text = _log.ToString();
            return text.Length > 6000 ? text[^6000..] : text;
        }
    }

    private void Start(int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // The project folder is the content root, as with `dotnet run`: appsettings and wwwroot from there.
            WorkingDirectory = BuiltProgram.ProjectFolder(SiloProject),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BuiltProgram.Assembly(SiloProject));
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = BaseAddress.ToString(),
            ["ConnectionStrings__Postgres"] = PostgresConnection,
            ["Database__ApplySchemaOnStartup"] = "true",
            ["Orleans__AdvertisedIP"] = "127.0.0.1",
            ["Orleans__SiloPort"] = TestEnvironment.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = TestEnvironment.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans__ClusterId"] = $"e2e-{Guid.NewGuid():N}",
            ["Demo__Enabled"] = "true",
            ["Demo__SqlitePath"] = CollectorPath,
            ["Demo__Days"] = DemoDays.ToString(CultureInfo.InvariantCulture),
            ["Demo__Speed"] = DemoSpeed.ToString(CultureInfo.InvariantCulture),
            // One browser makes many requests in a few minutes; the quotas have their own tests.
            ["RateLimits__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__TradingAlerts"] = "Information",
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private async Task WaitAsync(string what, TimeSpan timeout, Func<Task<bool>> ready)
    {
        Exception? last = null;
        await Eventually.UntilAsync(what, async () =>
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with {_process.ExitCode} while waiting for {what}. Its output:\n{LogTail()}");
            }

            try
            {
                return await ready();
            }
            catch (HttpRequestException ex)
            {
                last = ex; // not listening yet
                return false;
            }
        }, timeout, TimeSpan.FromMilliseconds(500), () => Task.FromResult($"({last?.Message}) The silo's output:\n{LogTail()}"));
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Directory.Delete(_work, recursive: true);
    }
}
