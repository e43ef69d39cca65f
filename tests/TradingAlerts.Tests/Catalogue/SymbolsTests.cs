using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Tests.Catalogue;

public class SymbolsTests
{
    [Fact]
    public void Catalogue_holds_exactly_the_fifteen_design_symbols()
    {
        string[] expected =
        [
            "AUDJPY", "AUDUSD", "BTCUSD", "ETHUSD", "EURUSD", "GBPJPY", "GBPUSD", "NDX100",
            "NZDUSD", "US30", "USDCAD", "USDCHF", "USDJPY", "XAGUSD", "XAUUSD",
        ];
        Assert.Equal(expected, Symbols.All);
        Assert.Equal(15, Symbols.All.Distinct().Count());
    }

    [Theory]
    [InlineData("EURUSD.i", "EURUSD")]
    [InlineData("EURUSDm", "EURUSD")]
    [InlineData("eurusd.pro", "EURUSD")]
    [InlineData("XAUUSD.raw", "XAUUSD")]
    [InlineData("GBPJPY.std", "GBPJPY")]
    [InlineData("US30.e", "US30")]
    [InlineData("NDX100.z", "NDX100")]
    [InlineData("BTCUSD.I", "BTCUSD")]
    [InlineData("  usdjpy  ", "USDJPY")]
    [InlineData("ETHUSD", "ETHUSD")]
    public void Known_broker_suffixes_are_stripped_and_the_name_upper_cased(string broker, string expected)
    {
        Assert.True(Symbols.TryNormalize(broker, out var symbol, out var error), error);
        Assert.Equal(expected, symbol);
        Assert.Equal(expected, Symbols.Normalize(broker));
    }

    [Theory]
    [InlineData("EURUSD.ecn", "Unknown broker suffix '.ecn' on EURUSD in 'EURUSD.ecn'")]
    [InlineData("EURUSD.i.pro", "Unknown broker suffix '.i.pro' on EURUSD in 'EURUSD.i.pro'")]
    [InlineData("EURUSDx", "Unknown broker suffix 'x' on EURUSD in 'EURUSDx'")]
    [InlineData("EURGBP", "Unknown symbol: EURGBP")]
    [InlineData("EURGBP.i", "Unknown symbol: EURGBP.i")]
    [InlineData("m", "Unknown symbol: m")]
    [InlineData(".pro", "Unknown symbol: .pro")]
    [InlineData("i.EURUSD", "Unknown symbol: i.EURUSD")]
    [InlineData("EUR/USD", "Unknown symbol: EUR/USD")]
    [InlineData("", "Symbol is empty")]
    [InlineData("   ", "Symbol is empty")]
    [InlineData(null, "Symbol is empty")]
    public void Anything_else_is_rejected_with_its_reason(string? broker, string reason)
    {
        Assert.False(Symbols.TryNormalize(broker, out var symbol, out var error));
        Assert.Null(symbol);
        Assert.Equal(reason, error);
        var thrown = Assert.Throws<ArgumentException>(() => Symbols.Normalize(broker));
        Assert.StartsWith(reason, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suffix_is_stripped_only_at_the_end()
    {
        // "m" inside a name is never touched, and a stripped remainder must itself be a catalogue symbol.
        Assert.False(Symbols.TryNormalize("mEURUSD", out _, out _));
        Assert.False(Symbols.TryNormalize("EURUSDmm", out _, out _));
    }

    [Fact]
    public void IsKnown_accepts_only_exact_catalogue_spellings()
    {
        Assert.True(Symbols.IsKnown("EURUSD"));
        Assert.False(Symbols.IsKnown("eurusd"));
        Assert.False(Symbols.IsKnown("EURUSD.i"));
        Assert.False(Symbols.IsKnown(null));
    }
}
