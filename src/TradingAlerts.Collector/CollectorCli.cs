using System.CommandLine;
using TradingAlerts.Collector.Commands;

namespace TradingAlerts.Collector;

/// <summary>The command tree of the collector tool (public so tests can parse command lines with it).</summary>
public static class CollectorCli
{
    public static RootCommand Build() => new("TradingAlerts Grid collector tools")
    {
        SchemaCommand.Create(),
        SeedSqlCommand.Create(),
        ReplayCommand.Create(),
        SyntheticCommand.Create(),
        SyntheticCommand.CreateBackfill(),
        AgentCommand.Create(),
    };
}
