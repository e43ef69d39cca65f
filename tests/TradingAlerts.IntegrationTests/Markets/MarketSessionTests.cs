using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Api.Health;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.IntegrationTests.Api;

namespace TradingAlerts.IntegrationTests.Markets;

/// <summary>
/// A silo whose FX and metal markets are configured closed right now (their only session opens two hours from now)
/// and crypto open all week: the FX pairs just ingested are closed, not fresh; the crypto pairs fresh; /api/symbols
/// says which market is open and describes each instrument.
/// </summary>
public sealed class MarketSessionTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private const int WeekMinutes = 7 * 24 * 60;

    /// <summary>A one-hour weekly window starting two hours after now (UTC, the bars' clock here): closed now.</summary>
    private static string LaterToday()
    {
        var now = DateTime.UtcNow;
        var minute = ((int)now.DayOfWeek + 6) % 7 * 1440 + now.Hour * 60 + now.Minute;
        string Format(int m) => $"{new[] { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" }[m / 1440]} {m % 1440 / 60:00}:{m % 60:00}";
        return $"{Format((minute + 120) % WeekMinutes)}-{Format((minute + 180) % WeekMinutes)}";
    }

    [Fact]
    public async Task Pairs_of_a_closed_market_are_closed_not_stale_and_the_symbols_say_which_market_is_open()
    {
        var closed = LaterToday();
        await using var api = new ApiFixture(new Dictionary<string, string?>
        {
            ["Markets:ServerTimeZone"] = "UTC",
            ["Markets:Sessions:fx:0"] = closed,
            ["Markets:Sessions:metal:0"] = closed,
            ["Markets:Sessions:crypto:0"] = "Mon 00:00-Mon 00:00",
        });
        await api.InitializeAsync(); // EURUSD and GBPUSD ingested
        var grains = api.Factory.Services.GetRequiredService<IGrainFactory>();
        var market = new SyntheticMarket(["BTCUSD"]);
        var rows = market.History("BTCUSD", ApiFixture.HistoryStart, ApiFixture.HistoryStart + (api.Days * 86_400L)).Concat(market.Forming("BTCUSD"))
            .Select((b, i) => b.ToRecord() with { Seq = i + 1, WrittenAtMs = 1 }).ToArray();
        await grains.GetGrain<ISymbolGrain>("BTCUSD").Ingest(new IngestBatch("BTCUSD", "market-test", rows, rows[^1].Seq));

        var entry = await api.Factory.Services.GetRequiredService<HealthCheckService>().CheckTaggedAsync(HealthExtensions.PairFreshnessTag, Ct);
        var body = JsonSerializer.SerializeToElement(entry.Data[HealthBody.Key], JsonSerializerOptions.Web);
        var statuses = body.GetProperty("pairs").EnumerateArray()
            .Where(p => p.GetProperty("bars").GetInt32() > 0)
            .ToDictionary(p => $"{p.GetProperty("symbol").GetString()}/{p.GetProperty("timeframe").GetString()}", p => p.GetProperty("status").GetString());
        Assert.Equal(27, statuses.Count);
        Assert.All(statuses.Where(s => !s.Key.StartsWith("BTCUSD", StringComparison.Ordinal)), s => Assert.Equal("closed", s.Value));
        Assert.All(statuses.Where(s => s.Key.StartsWith("BTCUSD", StringComparison.Ordinal)), s => Assert.Equal("fresh", s.Value));
        var summary = body.GetProperty("summary");
        Assert.Equal((9, 18, 0, 108), (summary.GetProperty("fresh").GetInt32(), summary.GetProperty("closed").GetInt32(),
            summary.GetProperty("stale").GetInt32(), summary.GetProperty("empty").GetInt32()));

        using var client = api.Client();
        var response = await client.GetAsync(new Uri("/api/symbols", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var symbols = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("UTC", symbols.GetProperty("server_time_zone").GetString());
        var bySymbol = symbols.GetProperty("symbols").EnumerateArray().ToDictionary(s => s.GetProperty("symbol").GetString()!);
        Assert.Equal(15, bySymbol.Count);
        Assert.Equal(("fx", 5, "closed", closed), Describe(bySymbol["EURUSD"]));
        Assert.Equal(("fx", 3, "closed", closed), Describe(bySymbol["USDJPY"]));
        Assert.Equal(("metal", 2, "closed", closed), Describe(bySymbol["XAUUSD"]));
        Assert.Equal(("crypto", 2, "open", "Mon 00:00-Mon 00:00"), Describe(bySymbol["BTCUSD"]));
        Assert.Equal("index", bySymbol["US30"].GetProperty("kind").GetString());
        Assert.True(bySymbol["EURUSD"].GetProperty("accessible").GetBoolean()); // anonymous callers read the FREE symbols
    }

    private static (string?, int, string?, string?) Describe(JsonElement symbol) =>
        (symbol.GetProperty("kind").GetString(), symbol.GetProperty("digits").GetInt32(), symbol.GetProperty("market").GetString(),
            string.Join(",", symbol.GetProperty("sessions").EnumerateArray().Select(s => s.GetString())));
}
