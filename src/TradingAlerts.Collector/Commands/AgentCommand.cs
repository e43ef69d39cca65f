using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingAlerts.Client;
using TradingAlerts.Ingest;

namespace TradingAlerts.Collector.Commands;

/// <summary>
/// <c>agent</c>: the ingest agent in its own process, an Orleans client that finds the gateways through
/// ADO.NET clustering (or the embedded silo on localhost) and pushes the collector files to the SymbolGrains.
/// Runs in a console, as a Windows service or under systemd (Type=notify); settings not given on the command
/// line come from appsettings.json next to the executable and from environment variables
/// (ConnectionStrings__Postgres, Orleans__ClusterId, Ingest__BatchSize …).
/// </summary>
internal static class AgentCommand
{
    public static Command Create()
    {
        var sqlite = new Option<FileInfo[]>("--sqlite")
        {
            Description = "Collector SQLite file to tail (repeat for each MT5 terminal); default: Ingest:SqlitePaths from configuration",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "PostgreSQL connection string of the cluster's membership table (default: ConnectionStrings:Postgres; none: the embedded silo on localhost)",
        };
        var clusterId = new Option<string?>("--cluster-id") { Description = "Orleans:ClusterId of the silos" };
        var serviceId = new Option<string?>("--service-id") { Description = "Orleans:ServiceId of the silos" };
        var gatewayPort = new Option<int?>("--gateway-port") { Description = "Gateway port of the embedded silo (localhost clustering only)" };
        var command = new Command("agent", "Run the ingest agent as an Orleans client (console, Windows service or systemd) until stopped")
        {
            sqlite, postgres, clusterId, serviceId, gatewayPort,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            var files = parse.GetValue(sqlite) ?? [];
            for (var i = 0; i < files.Length; i++)
            {
                overrides[$"{IngestOptions.Section}:{nameof(IngestOptions.SqlitePaths)}:{i}"] = files[i].FullName;
            }

            Set(overrides, "ConnectionStrings:Postgres", parse.GetValue(postgres));
            Set(overrides, "Orleans:ClusterId", parse.GetValue(clusterId));
            Set(overrides, "Orleans:ServiceId", parse.GetValue(serviceId));
            Set(overrides, "Orleans:GatewayPort", parse.GetValue(gatewayPort)?.ToString(System.Globalization.CultureInfo.InvariantCulture));

            using var host = Build(overrides);
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>The agent's host: command-line settings override appsettings.json and the environment.</summary>
    public static IHost Build(IReadOnlyDictionary<string, string?> overrides)
    {
        // A Windows service starts in System32: settings files are looked up next to the executable.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(overrides);
        // Both are no-ops unless the process was started by the service manager they are for.
        builder.Services.AddWindowsService(o => o.ServiceName = "TradingAlertsAgent");
        builder.Services.AddSystemd();
        builder.AddTradingAlertsClient();
        builder.Services.AddIngestAgent(builder.Configuration);
        return builder.Build();
    }

    private static void Set(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            overrides[key] = value;
        }
    }
}
