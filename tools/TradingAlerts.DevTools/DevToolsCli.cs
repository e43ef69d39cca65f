using System.CommandLine;
using TradingAlerts.CommandLine;
using TradingAlerts.DevTools.Commands;

namespace TradingAlerts.DevTools;

/// <summary>The command tree of the development tools (public so tests can parse command lines with it).</summary>
public static class DevToolsCli
{
    public static RootCommand Build() => new RootCommand(
        "TradingAlerts Grid development tools: collector files from exported history or a synthetic market, and the development seed data")
    {
        ReplayCommand.Create(),
        SyntheticCommand.Create(),
        SyntheticCommand.CreateBackfill(),
        SeedSqlCommand.Create(),
    }.WithStrictHelp();
}
