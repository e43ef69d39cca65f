using TradingAlerts.Collector;

namespace TradingAlerts.Tests.Feeds;

/// <summary>Command lines the collector tool refuses, with the reason it gives.</summary>
public class CollectorCliTests
{
    [Fact]
    public void Agent_takes_several_collector_files_and_the_cluster_to_join()
    {
        var result = CollectorCli.Build().Parse("agent --sqlite a.db --sqlite b.db --postgres Host=db;Database=ta --cluster-id prod --gateway-port 30001");
        Assert.Empty(result.Errors);
        Assert.Equal(["a.db", "b.db"], result.GetValue<FileInfo[]>("--sqlite")!.Select(f => f.Name));
        Assert.Equal("Host=db;Database=ta", result.GetValue<string>("--postgres"));
        Assert.Equal("prod", result.GetValue<string>("--cluster-id"));
        Assert.Contains("Cannot parse argument 'x' for option '--gateway-port'", CollectorCli.Build().Parse("agent --gateway-port x").Errors.Select(e => e.Message).FirstOrDefault() ?? string.Empty, StringComparison.Ordinal);
    }
}
