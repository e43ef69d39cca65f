using System.Net;
using System.Text.Json;
using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.MultiProcess;

/// <summary>
/// The production shape for the observability tests: a built silo process (cluster mode on a fresh database, real
/// Kestrel on a public and an admin port, metrics on, small FREE quota) and the collector agent as its own process
/// (<c>TradingAlerts.Collector agent</c>, an Orleans client) tailing a file with EURUSD and GBPUSD, GBPUSD's H1 table
/// dropped so that symbol fails while EURUSD succeeds.
/// </summary>
public sealed class AgentProcessGrid : IAsyncLifetime
{
    /// <summary>The test classes sharing one grid (they run one after another).</summary>
    public const string Collection = "agent-process-grid";

    public const int FreePerHour = 4;
    public const string Healthy = "EURUSD";
    public const string Failing = "GBPUSD";
    public const string DroppedTable = "gbpusd_h1";
    public static readonly TimeSpan Bounded = TimeSpan.FromSeconds(180);

    private readonly List<ChildProcess> _processes = [];

    public SchemaDatabase Database { get; } = new();

    public TempCollectorFile File { get; } = new();

    public string ClusterId { get; } = $"observability-{Guid.NewGuid():N}";

    public SiloProcess Silo { get; private set; } = null!;

    public ChildProcess Agent { get; private set; } = null!;

    /// <summary>The API's port: what anyone may call.</summary>
    public HttpClient Public => Silo.Http;

    /// <summary>The admin port: metrics and health details.</summary>
    public HttpClient Admin => Silo.Admin;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        File.WriteHistory(1, Healthy, Failing);
        await using (var drop = Database.DataSource.CreateCommand($"DROP TABLE {DroppedTable}"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        Silo = SiloProcess.Start("silo", new SiloProcessOptions
        {
            Postgres = Database.ConnectionString,
            ClusterId = ClusterId,
            Demo = false,
            AdminPort = true,
            HttpTimeout = TimeSpan.FromSeconds(30),
            Arguments = ["--Metrics:SampleInterval=00:00:01", "--Health:IngestSilentAfter=00:00:03", $"--RateLimits:FreePerHour={FreePerHour}"],
        });
        _processes.Add(Silo.Process);
        await Silo.WaitReadyAsync(Bounded);

        Agent = StartAgent("agent", File.Path);
    }

    /// <summary>Another agent process (its own name) tailing <paramref name="file"/>.</summary>
    public ChildProcess StartAgent(string name, string file) => Start(ChildProcess.Start(name, "TradingAlerts.Collector",
        ["agent", "--sqlite", file, "--postgres", Database.ConnectionString, "--cluster-id", ClusterId],
        new Dictionary<string, string>
        {
            ["Ingest__AgentName"] = name,
            ["Ingest__StatusInterval"] = "00:00:00.500",
            ["Ingest__MaxBackoff"] = "00:00:01",
            ["Client__GatewayListRefreshPeriod"] = "00:00:02",
        }));

    /// <summary>What the file holds for <paramref name="symbol"/>, read as the agent reads it: rows and highest seq.</summary>
    public static (int Rows, long LastSeq) Expected(string file, string symbol)
    {
        var read = new CollectorReader(file).Read(symbol, 0, int.MaxValue);
        return (read.Rows.Count, read.LastSeq);
    }

    /// <summary>GET returning status and JSON body.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body, string Text)> GetJson(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    /// <summary>The admin port's <c>/metrics</c>, parsed.</summary>
    public async Task<IReadOnlyList<PrometheusSample>> ScrapeAsync()
    {
        using var response = await Admin.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    public string Tails() => string.Join(Environment.NewLine, _processes.Select(p => p.Tail(40)));

    private ChildProcess Start(ChildProcess process)
    {
        _processes.Add(process);
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        Silo?.Dispose();
        File.Dispose();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(AgentProcessGrid.Collection)]
public sealed class AgentProcessGridDefinition : ICollectionFixture<AgentProcessGrid>;
