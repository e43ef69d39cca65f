using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Tests.Catalogue;

public class PairTests
{
    [Fact]
    public void There_are_135_distinct_pairs_keys_and_tables()
    {
        Assert.Equal(135, Pair.All.Count);
        Assert.Equal(135, Pair.All.Select(p => p.Key).Distinct().Count());
        Assert.Equal(135, Pair.All.Select(p => p.TableName).Distinct().Count());
    }

    [Fact]
    public void Keys_and_table_names_follow_the_design()
    {
        var pair = new Pair("EURUSD", Timeframe.H12);
        Assert.Equal("EURUSD/H12", pair.Key);
        Assert.Equal("eurusd_h12", pair.TableName);
        Assert.Equal("ndx100_m5", new Pair("NDX100", Timeframe.M5).TableName);
    }

    [Theory]
    [InlineData("EURUSD/H1", "EURUSD", Timeframe.H1)]
    [InlineData("eurusd/h1", "EURUSD", Timeframe.H1)]
    [InlineData("US30/D1", "US30", Timeframe.D1)]
    public void Keys_parse_back_into_pairs(string key, string symbol, Timeframe tf)
    {
        Assert.True(Pair.TryParseKey(key, out var pair));
        Assert.Equal(new Pair(symbol, tf), pair);
    }

    [Theory]
    [InlineData("EURUSD")]
    [InlineData("EURUSD/W1")]
    [InlineData("EURGBP/H1")]
    [InlineData("EURUSD/H1/x")]
    [InlineData("eurusd_h1")]
    [InlineData(null)]
    public void Malformed_keys_are_rejected(string? key)
    {
        Assert.False(Pair.TryParseKey(key, out _));
    }

    [Fact]
    public void Pairs_cannot_be_built_from_values_outside_the_catalogue()
    {
        // Table names are put into SQL text, so only catalogue values may ever make one.
        Assert.Throws<ArgumentException>(() => new Pair("eurusd; drop table x", Timeframe.H1));
        Assert.Throws<ArgumentException>(() => new Pair("EURUSD", (Timeframe)60));
    }
}
