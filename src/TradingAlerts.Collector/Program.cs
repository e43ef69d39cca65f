using System.CommandLine;
using TradingAlerts.Collector.Commands;

var root = new RootCommand("TradingAlerts Grid collector tools")
{
    SchemaCommand.Create(),
    SeedSqlCommand.Create(),
    ReplayCommand.Create(),
    SyntheticCommand.Create(),
    SyntheticCommand.CreateBackfill(),
};
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
