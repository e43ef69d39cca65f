using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Api.Markets;

namespace TradingAlerts.IntegrationTests.Markets;

/// <summary>
/// The default sessions against the calendar: 2026-12-04 is a Friday, 12-05 a Saturday, 12-07 a Monday. Expected
/// states are the markets' own hours (FX closed at the broker's weekend, crypto never, US indices the first hour of
/// each server day), worked out by hand.
/// </summary>
public sealed class MarketCalendarTests
{
    private static readonly MarketCalendar Defaults = MarketCalendar.Create(new MarketsOptions());

    private static DateTimeOffset Utc(string time) => DateTimeOffset.Parse(time + "Z", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("EURUSD", "2026-12-05T12:00:00", false)] // Saturday
    [InlineData("XAUUSD", "2026-12-06T23:59:00", false)] // Sunday night
    [InlineData("BTCUSD", "2026-12-05T12:00:00", true)]
    [InlineData("ETHUSD", "2026-12-06T03:00:00", true)]
    [InlineData("EURUSD", "2026-12-07T00:00:00", true)] // Monday's first minute
    [InlineData("USDJPY", "2026-12-04T23:59:59", true)] // Friday's last second
    [InlineData("GBPUSD", "2026-12-05T00:00:00", false)]
    [InlineData("US30", "2026-12-07T00:30:00", false)] // the index's daily first hour
    [InlineData("NDX100", "2026-12-07T01:00:00", true)]
    [InlineData("US30", "2026-12-08T23:59:00", true)]
    [InlineData("US30", "2026-12-05T10:00:00", false)]
    public void Default_sessions_open_and_close_each_kind_on_the_bars_clock(string symbol, string utc, bool open) =>
        Assert.Equal(open, Defaults.IsOpen(symbol, Utc(utc)));

    [Fact]
    public void Each_symbol_has_its_kind_and_digits()
    {
        var kinds = Defaults.All.ToDictionary(i => i.Symbol, i => (i.Kind, i.Digits));
        Assert.Equal(15, kinds.Count);
        Assert.Equal((InstrumentKind.Fx, 5), kinds["EURUSD"]);
        Assert.Equal((InstrumentKind.Fx, 3), kinds["USDJPY"]);
        Assert.Equal((InstrumentKind.Metal, 2), kinds["XAUUSD"]);
        Assert.Equal((InstrumentKind.Metal, 3), kinds["XAGUSD"]);
        Assert.Equal((InstrumentKind.Index, 2), kinds["US30"]);
        Assert.Equal((InstrumentKind.Crypto, 2), kinds["BTCUSD"]);
        Assert.Equal(9, kinds.Values.Count(k => k.Kind == InstrumentKind.Fx));
    }

    [Fact]
    public void Open_time_between_friday_night_and_monday_morning_leaves_out_the_weekend()
    {
        // Friday 23:00 to Monday 01:00: one hour before the close and one after the open.
        Assert.Equal(7200, Defaults.OpenSecondsBetween("EURUSD", Utc("2026-12-04T23:00:00"), Utc("2026-12-07T01:00:00"), double.MaxValue));
        // The index opens at 01:00 on Monday: one hour on Friday, none on Monday.
        Assert.Equal(3600, Defaults.OpenSecondsBetween("US30", Utc("2026-12-04T23:00:00"), Utc("2026-12-07T01:00:00"), double.MaxValue));
        Assert.Equal(50 * 3600, Defaults.OpenSecondsBetween("BTCUSD", Utc("2026-12-04T23:00:00"), Utc("2026-12-07T01:00:00"), double.MaxValue));
        Assert.Equal(90.5, Defaults.OpenSecondsBetween("EURUSD", Utc("2026-12-04T23:58:29.5"), Utc("2026-12-07T00:00:00"), double.MaxValue));
        Assert.Equal(600, Defaults.OpenSecondsBetween("EURUSD", Utc("2026-11-02T00:00:00"), Utc("2026-12-07T00:00:00"), 600)); // capped
        Assert.Equal(0, Defaults.OpenSecondsBetween("EURUSD", Utc("2026-12-05T01:00:00"), Utc("2026-12-06T23:00:00"), double.MaxValue));
    }

    [Fact]
    public void The_server_time_zone_moves_the_week_two_hours_earlier_on_utc()
    {
        // Etc/GMT-2 is UTC+2 all year: the broker's Saturday 00:00 is Friday 22:00 UTC.
        var broker = MarketCalendar.Create(new MarketsOptions { ServerTimeZone = "Etc/GMT-2" });
        Assert.True(broker.IsOpen("EURUSD", Utc("2026-12-04T21:59:00")));
        Assert.False(broker.IsOpen("EURUSD", Utc("2026-12-04T22:00:00")));
        Assert.True(broker.IsOpen("EURUSD", Utc("2026-12-06T22:00:00"))); // Monday 00:00 on the broker's clock
    }

    [Fact]
    public void Configured_sessions_replace_a_kinds_and_a_symbols_defaults()
    {
        var options = new MarketsOptions
        {
            Sessions = { ["fx"] = ["Mon 08:00-Mon 09:00"] },
            Symbols = { ["XAUUSD"] = new SymbolMarketOptions { Kind = "crypto", Digits = 3 }, ["EURUSD"] = new SymbolMarketOptions { Sessions = ["Tue 00:00-Wed 00:00"] } },
        };
        var calendar = MarketCalendar.Create(options);
        Assert.True(calendar.IsOpen("USDJPY", Utc("2026-12-07T08:30:00")));
        Assert.False(calendar.IsOpen("USDJPY", Utc("2026-12-07T09:00:00")));
        Assert.False(calendar.IsOpen("EURUSD", Utc("2026-12-07T08:30:00")));
        Assert.True(calendar.IsOpen("EURUSD", Utc("2026-12-08T08:30:00")));
        Assert.Equal((InstrumentKind.Crypto, 3), (calendar.Of("XAUUSD").Kind, calendar.Of("XAUUSD").Digits));
        Assert.True(calendar.IsOpen("XAUUSD", Utc("2026-12-05T12:00:00")));
        Assert.False(calendar.IsOpen("XAGUSD", Utc("2026-12-05T12:00:00"))); // still a metal
    }

    [Theory]
    [InlineData("ServerTimeZone", "Mars/Olympus", "Markets:ServerTimeZone 'Mars/Olympus'")]
    [InlineData("Kind", "bonds", "Markets:Sessions:bonds: unknown kind")]
    [InlineData("Symbol", "DOGEUSD", "Markets:Symbols:DOGEUSD: not a catalogue symbol")]
    [InlineData("SymbolKind", "stock", "Markets:Symbols:EURUSD:Kind 'stock'")]
    [InlineData("Session", "Mon 9:00-Fri 17:00", "Invalid session 'Mon 9:00-Fri 17:00'")]
    public void A_bad_configuration_is_refused_naming_the_key(string what, string value, string expected)
    {
        var options = new MarketsOptions();
        switch (what)
        {
            case "ServerTimeZone": options.ServerTimeZone = value; break;
            case "Kind": options.Sessions[value] = ["Mon 00:00-Sat 00:00"]; break;
            case "Symbol": options.Symbols[value] = new SymbolMarketOptions(); break;
            case "SymbolKind": options.Symbols["EURUSD"] = new SymbolMarketOptions { Kind = value }; break;
            default: options.Sessions["index"] = [value]; break;
        }

        var error = Assert.Throws<InvalidOperationException>(() => MarketCalendar.Create(options));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
