using System.CommandLine;
using TradingAlerts.Collector.Commands;
using TradingAlerts.CommandLine;

namespace TradingAlerts.Collector;

/// <summary>The command tree of the collector tool (public so tests can parse command lines with it).</summary>
public static class CollectorCli
{
    public static RootCommand Build() => new RootCommand(
        "TradingAlerts Grid collector: the ingest agent and the schema migration. The development feeds (replay, synthetic, backfill, seed-sql) are in tools/TradingAlerts.DevTools.")
    {
        SchemaCommand.Create(),
        AgentCommand.Create(),
    }.WithStrictHelp();
}
