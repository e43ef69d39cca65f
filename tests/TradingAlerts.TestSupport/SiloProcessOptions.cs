namespace TradingAlerts.TestSupport;

/// <summary>
/// How <see cref="SiloProcess"/> starts the built silo. A setting left null keeps the silo's own configuration;
/// <see cref="Arguments"/> come last on the command line, so they override everything else.
/// </summary>
public sealed record SiloProcessOptions
{
    /// <summary>ASPNETCORE_ENVIRONMENT and DOTNET_ENVIRONMENT: Development (the dev token endpoint and key) unless told otherwise.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Cluster mode on this database (ADO.NET clustering, advertised on loopback); embedded mode when null.</summary>
    public string? Postgres { get; init; }

    /// <summary>Orleans:ClusterId: silos (and clients) with the same one form one cluster.</summary>
    public string? ClusterId { get; init; }

    /// <summary>Demo:Enabled (the embedded demo collector).</summary>
    public bool? Demo { get; init; }

    /// <summary>RateLimits:Enabled (the per-tier quotas).</summary>
    public bool? RateLimits { get; init; }

    /// <summary>
    /// Metrics on, and <c>/metrics</c> and the health details on an admin port of their own (<c>OrleansDashboard:Port</c>),
    /// for <see cref="SiloProcess.Admin"/>, <see cref="SiloProcess.ActivationsAsync"/> and <see cref="SiloProcess.MetricsAsync"/>.
    /// </summary>
    public bool AdminPort { get; init; }

    /// <summary>The public port; a free one when null (a restart passes the one it had).</summary>
    public int? HttpPort { get; init; }

    /// <summary>
    /// Run in src/TradingAlerts.Silo, the content root as with <c>dotnet run</c> (the dashboard's files from there); in the
    /// build's output folder otherwise.
    /// </summary>
    public bool InProjectFolder { get; init; }

    /// <summary>Another build of the silo to run (a folder holding TradingAlerts.Silo.dll, e.g. a <c>dotnet publish</c> output); the build beside the caller when null.</summary>
    public string? OutputFolder { get; init; }

    /// <summary>Timeout of <see cref="SiloProcess.Http"/>'s requests.</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>More settings, as <c>--Section:Key=value</c>.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>More environment variables (<c>Section__Key</c>, logging levels).</summary>
    public IReadOnlyDictionary<string, string>? Variables { get; init; }

    /// <summary>Called with every line the silo prints.</summary>
    public Action<string>? OnLine { get; init; }
}
