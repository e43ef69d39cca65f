using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Api.Health;
using TradingAlerts.Api.Markets;

namespace TradingAlerts.IntegrationTests.Markets;

/// <summary>
/// How the freshness check judges a pair against its market's sessions (default sessions, StaleAfterBars 2): closed
/// while the market is closed, and stale only after two bar durations of open market without data.
/// </summary>
public sealed class PairFreshnessSessionTests
{
    private static readonly MarketCalendar Defaults = MarketCalendar.Create(new MarketsOptions());

    private static DateTimeOffset Utc(string time) => DateTimeOffset.Parse(time + "Z", System.Globalization.CultureInfo.InvariantCulture);

    private static Pair Key(string key) => Pair.TryParseKey(key, out var pair) ? pair.Value : throw new ArgumentException(key);

    private static string Status(string pair, string lastUpdateUtc, string nowUtc)
    {
        var last = Utc(lastUpdateUtc).ToUnixTimeMilliseconds();
        var freshness = new PairFreshness(100, 1_700_000_000, last, last);
        return PairFreshnessHealthCheck.PairStatus(Key(pair), freshness, Utc(nowUtc), 2, Defaults).Status;
    }

    [Theory]
    // Saturday: FX and metals are closed however old their data is; crypto is judged as always.
    [InlineData("EURUSD/M5", "2026-12-04T23:59:00", "2026-12-05T12:00:00", "closed")]
    [InlineData("XAUUSD/H1", "2026-12-04T23:59:00", "2026-12-06T12:00:00", "closed")]
    [InlineData("BTCUSD/M5", "2026-12-05T11:55:00", "2026-12-05T12:00:00", "fresh")]
    [InlineData("BTCUSD/M5", "2026-12-05T11:49:00", "2026-12-05T12:00:00", "stale")]
    // Monday 00:05 after data until Friday's close: five minutes of open market, two M5 bars are ten.
    [InlineData("EURUSD/M5", "2026-12-04T23:59:00", "2026-12-07T00:05:00", "fresh")]
    [InlineData("EURUSD/M5", "2026-12-04T23:59:00", "2026-12-07T00:10:00", "stale")] // 11 minutes open
    // A weekday: the wall clock and the open market agree.
    [InlineData("EURUSD/H1", "2026-12-08T10:00:00", "2026-12-08T11:59:00", "fresh")]
    [InlineData("EURUSD/H1", "2026-12-08T10:00:00", "2026-12-08T12:01:00", "stale")]
    // The index's daily first hour is closed, and not counted afterwards.
    [InlineData("US30/M15", "2026-12-07T23:50:00", "2026-12-08T00:30:00", "closed")]
    [InlineData("US30/M15", "2026-12-07T23:50:00", "2026-12-08T01:15:00", "fresh")] // 10 + 15 minutes open
    [InlineData("US30/M15", "2026-12-07T23:50:00", "2026-12-08T01:25:00", "stale")] // 10 + 25 minutes open
    public void A_pair_is_closed_with_its_market_and_stale_only_after_open_time_without_data(string pair, string lastUpdate, string now, string expected) =>
        Assert.Equal(expected, Status(pair, lastUpdate, now));

    [Fact]
    public void A_pair_without_bars_is_empty_and_one_whose_grain_did_not_answer_unavailable_even_when_closed()
    {
        var saturday = Utc("2026-12-05T12:00:00");
        Assert.Equal("empty", PairFreshnessHealthCheck.PairStatus(Key("EURUSD/H1"), new PairFreshness(0, null, null, null), saturday, 2, Defaults).Status);
        Assert.Equal("unavailable", PairFreshnessHealthCheck.PairStatus(Key("EURUSD/H1"), null, saturday, 2, Defaults).Status);
    }
}
