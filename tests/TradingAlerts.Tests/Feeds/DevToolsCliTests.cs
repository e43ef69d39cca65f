using TradingAlerts.DevTools;

namespace TradingAlerts.Tests.Feeds;

/// <summary>Command lines the development tools refuse, with the reason they give.</summary>
public class DevToolsCliTests
{
    [Theory]
    [InlineData("replay --csv x.csv --symbol EURGBP", "Unknown symbol: EURGBP")]
    [InlineData("replay --symbol EURUSD", "Option '--csv' is required.")]
    [InlineData("replay --csv x.csv --symbol EURUSD --speed fast", "--speed must be 'max' or a number of simulated seconds per second in (0, 1000000]; got 'fast'")]
    [InlineData("replay --csv x.csv --symbol EURUSD --speed -5", "--speed must be 'max' or a number of simulated seconds per second in (0, 1000000]; got '-5'")]
    [InlineData("synthetic --symbols EURUSD,FOO", "Unknown symbol: FOO")]
    [InlineData("synthetic --days -1", "--days must be between 0 and 3650; got -1")]
    [InlineData("backfill --days 100000", "--days must be between 0 and 3650; got 100000")]
    public void Bad_arguments_are_refused_with_a_reason(string commandLine, string error)
    {
        var result = DevToolsCli.Build().Parse(commandLine);
        Assert.Contains(error, result.Errors.Select(e => e.Message));
    }

    [Fact]
    public void Symbols_accept_all_and_broker_names()
    {
        var all = DevToolsCli.Build().Parse("synthetic --symbols all");
        Assert.Empty(all.Errors);
        Assert.Equal(15, all.GetValue<string[]>("--symbols")!.Length);
        var some = DevToolsCli.Build().Parse("synthetic --symbols EURUSD.i,xauusdm");
        Assert.Equal(["EURUSD", "XAUUSD"], some.GetValue<string[]>("--symbols")!);
    }
}
