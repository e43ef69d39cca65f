using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Tests.Catalogue;

public class TimeframesTests
{
    [Fact]
    public void Catalogue_holds_exactly_the_nine_design_timeframes_with_their_durations()
    {
        (string Name, int Seconds)[] expected =
        [
            ("M5", 300), ("M15", 900), ("M30", 1800), ("H1", 3600), ("H2", 7200),
            ("H4", 14400), ("H8", 28800), ("H12", 43200), ("D1", 86400),
        ];
        Assert.Equal(expected, Timeframes.All.Select(tf => (tf.Name(), tf.Seconds())));
        Assert.Equal(TimeSpan.FromHours(4), Timeframe.H4.Duration());
    }

    [Theory]
    [InlineData("h1", Timeframe.H1)]
    [InlineData("H1", Timeframe.H1)]
    [InlineData("m15", Timeframe.M15)]
    [InlineData(" d1 ", Timeframe.D1)]
    [InlineData("H12", Timeframe.H12)]
    public void Names_parse_case_insensitively(string name, Timeframe expected)
    {
        Assert.True(Timeframes.TryParse(name, out var tf));
        Assert.Equal(expected, tf);
    }

    [Theory]
    [InlineData("M1")]
    [InlineData("W1")]
    [InlineData("MN1")]
    [InlineData("300")]
    [InlineData("3600")]
    [InlineData("H")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("H1;DROP TABLE x")]
    public void Anything_but_a_catalogue_name_is_rejected(string? name)
    {
        Assert.False(Timeframes.TryParse(name, out _));
        var thrown = Assert.Throws<ArgumentException>(() => Timeframes.Parse(name));
        Assert.StartsWith($"Invalid timeframe: {name}", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Integers_cast_to_timeframe_are_not_catalogue_values()
    {
        Assert.False(Timeframes.IsDefined((Timeframe)60));
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Timeframe)60).Name());
        Assert.True(Timeframes.IsDefined((Timeframe)3600));
    }

    [Fact]
    public void Table_suffixes_are_lower_case_names()
    {
        Assert.Equal(["m5", "m15", "m30", "h1", "h2", "h4", "h8", "h12", "d1"], Timeframes.All.Select(tf => tf.TableSuffix()));
    }
}
