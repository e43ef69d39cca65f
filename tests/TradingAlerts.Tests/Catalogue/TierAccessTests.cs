using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Tests.Catalogue;

public class TierAccessTests
{
    [Fact]
    public void Free_tier_sees_five_symbols_on_three_timeframes()
    {
        Assert.Equal(["BTCUSD", "EURUSD", "USDJPY", "US30", "XAUUSD"], TierAccess.FreeSymbols);
        Assert.Equal([Timeframe.H1, Timeframe.H4, Timeframe.D1], TierAccess.FreeTimeframes);
        var free = Pair.All.Where(p => TierAccess.CanAccess(Tier.Free, p.Symbol, p.Timeframe)).ToList();
        Assert.Equal(15, free.Count);
        Assert.All(free, p => Assert.Contains(p.Symbol, TierAccess.FreeSymbols));
    }

    [Fact]
    public void Pro_tier_sees_all_135_pairs()
    {
        Assert.Equal(135, Pair.All.Count(p => TierAccess.CanAccess(Tier.Pro, p.Symbol, p.Timeframe)));
    }

    [Theory]
    [InlineData(Tier.Free, "EURUSD", Timeframe.M5, false)]
    [InlineData(Tier.Free, "GBPUSD", Timeframe.H1, false)]
    [InlineData(Tier.Free, "XAUUSD", Timeframe.D1, true)]
    [InlineData(Tier.Pro, "GBPUSD", Timeframe.M5, true)]
    [InlineData(Tier.Pro, "EURGBP", Timeframe.H1, false)]
    [InlineData(Tier.Pro, "eurusd", Timeframe.H1, false)]
    public void Access_follows_the_tier_tables(Tier tier, string symbol, Timeframe tf, bool allowed)
    {
        Assert.Equal(allowed, TierAccess.CanAccess(tier, symbol, tf));
    }

    [Fact]
    public void Free_tier_gets_basic_indicators_only_and_no_confluence()
    {
        var basic = IndicatorCatalogue.Columns.Where(c => TierAccess.CanSeeIndicator(Tier.Free, c)).Select(c => c.Name);
        Assert.Equal(["fractals", "horizontal_trendlines", "diagonal_trendlines"], basic);
        Assert.All(IndicatorCatalogue.Columns, c => Assert.True(TierAccess.CanSeeIndicator(Tier.Pro, c)));
        Assert.False(TierAccess.CanUseConfluence(Tier.Free));
        Assert.True(TierAccess.CanUseConfluence(Tier.Pro));
    }

    [Theory]
    [InlineData("PRO", Tier.Pro)]
    [InlineData("pro", Tier.Pro)]
    [InlineData("FREE", Tier.Free)]
    [InlineData("ENTERPRISE", Tier.Free)]
    [InlineData(null, Tier.Free)]
    public void Tier_claims_parse_to_free_unless_pro(string? claim, Tier expected)
    {
        Assert.Equal(expected, TierAccess.ParseClaim(claim));
    }

    [Fact]
    public void Default_rate_limits_are_the_design_figures()
    {
        Assert.Equal(60, TierAccess.DefaultFreeRequestsPerHour);
        Assert.Equal(300, TierAccess.DefaultProRequestsPerHour);
    }

    [Fact]
    public void Thirteen_indicators_per_timeframe_make_117()
    {
        Assert.Equal(13, IndicatorCatalogue.PerTimeframe.Distinct().Count());
        Assert.Equal(117, IndicatorCatalogue.PerTimeframe.Count * Timeframes.All.Count);
    }
}
