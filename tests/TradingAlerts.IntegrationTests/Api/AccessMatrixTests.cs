using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.Abstractions.Grains;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>
/// Every pair, the confluence of every symbol and the catalogue, each asked by every kind of caller:
/// the status and the whole body match the tier rules of DESIGN §1, written out here rather than
/// taken from the code under test. Mismatches are collected, so one run shows all of them.
/// </summary>
public sealed class AccessMatrixTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const int Limit = 10;

    // DESIGN §1: FREE = these 5 symbols × these 3 timeframes; PRO = all 15 × 9.
    private static readonly string[] FreeSymbols = ["BTCUSD", "EURUSD", "USDJPY", "US30", "XAUUSD"];
    private static readonly string[] FreeTimeframes = ["H1", "H4", "D1"];
    private static readonly string[] AllSymbols =
        ["AUDJPY", "AUDUSD", "BTCUSD", "ETHUSD", "EURUSD", "GBPJPY", "GBPUSD", "NDX100", "NZDUSD", "US30", "USDCAD", "USDCHF", "USDJPY", "XAGUSD", "XAUUSD"];

    private static readonly (string Name, int Seconds)[] AllTimeframes =
        [("M5", 300), ("M15", 900), ("M30", 1800), ("H1", 3600), ("H2", 7200), ("H4", 14400), ("H8", 28800), ("H12", 43200), ("D1", 86400)];

    public enum Caller
    {
        Anonymous,
        FreeToken,
        ProToken,
        ExpiredToken,
        BadSignature,
    }

    private Dictionary<Caller, HttpClient> Clients() => new()
    {
        [Caller.Anonymous] = api.Client(),
        [Caller.FreeToken] = api.Client(api.FreeToken),
        [Caller.ProToken] = api.Client(api.ProToken),
        [Caller.ExpiredToken] = api.Client(api.Token("PRO", DateTime.UtcNow.AddMinutes(-5))),
        [Caller.BadSignature] = api.Client(api.Token("PRO", DateTime.UtcNow.AddHours(1), key: "someone-elses-signing-key-0123456789-abcdef")),
    };

    /// <summary>The 401 a rejected token gets, or null for callers whose token is good (or absent).</summary>
    private static string? Rejection(Caller caller) => caller switch
    {
        Caller.ExpiredToken => "Token expired",
        Caller.BadSignature => "Invalid token",
        _ => null,
    };

    private static bool IsPro(Caller caller) => caller == Caller.ProToken;

    [Fact]
    public async Task Every_pair_answers_every_caller_as_the_tier_rules_say()
    {
        var grains = api.Factory.Services.GetRequiredService<IGrainFactory>();
        var held = new Dictionary<string, int>();
        foreach (var symbol in AllSymbols)
        {
            foreach (var (tf, _) in AllTimeframes)
            {
                held[$"{symbol}/{tf}"] = (await grains.GetGrain<ITimeframeGrain>($"{symbol}/{tf}").GetBars(Limit)).Count;
            }
        }

        // The fixture ingests EURUSD and GBPUSD only: those have bars on every timeframe, the rest none.
        Assert.All(held, h => Assert.Equal(h.Key.StartsWith("EURUSD", StringComparison.Ordinal) || h.Key.StartsWith("GBPUSD", StringComparison.Ordinal), h.Value > 0));

        var mismatches = new List<string>();
        var requests = 0;
        foreach (var (caller, client) in Clients())
        {
            foreach (var symbol in AllSymbols)
            {
                foreach (var (tf, _) in AllTimeframes)
                {
                    var call = await ApiCall.GetAsync(client, $"/api/indicators/{symbol}/{tf}?limit={Limit}");
                    requests++;
                    var problem = CheckIndicators(caller, symbol, tf, held[$"{symbol}/{tf}"], call);
                    if (problem is not null)
                    {
                        mismatches.Add($"{caller} {symbol}/{tf}: {problem} — got {call}");
                    }
                }
            }
        }

        Assert.Equal(5 * 15 * 9, requests);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {requests} answers wrong:\n{string.Join('\n', mismatches.Take(40))}");
    }

    private static string? CheckIndicators(Caller caller, string symbol, string tf, int held, ApiCall call)
    {
        if (Rejection(caller) is { } error)
        {
            return call.IsError(HttpStatusCode.Unauthorized, error) ? null : $"expected 401 {error}";
        }

        var tier = IsPro(caller) ? "PRO" : "FREE";
        if (!IsPro(caller) && !(FreeSymbols.Contains(symbol) && FreeTimeframes.Contains(tf)))
        {
            return call.Status == HttpStatusCode.Forbidden && call.MediaType == "application/json"
                && call.BodyIs(new { success = false, error = $"{symbol} {tf} requires the PRO tier", tier, upgrade_required = true })
                ? null : "expected 403 upgrade_required";
        }

        if (call.Status != HttpStatusCode.OK || call.MediaType != "application/json")
        {
            return "expected 200 application/json";
        }

        var data = call.Body.GetProperty("data");
        var metadata = data.GetProperty("metadata");
        var expectedMetadata = new { symbol, timeframe = tf, tier, bars_returned = held, pro_indicators_enabled = IsPro(caller) };
        if (!call.Body.GetProperty("success").GetBoolean() || !JsonElement.DeepEquals(metadata, JsonSerializer.SerializeToElement(expectedMetadata)))
        {
            return $"expected metadata {JsonSerializer.Serialize(expectedMetadata)}";
        }

        // PRO series are aligned with ohlc; FREE ones are empty, whatever the pair holds.
        var series = IsPro(caller) ? held : 0;
        return data.GetProperty("ohlc").GetArrayLength() != held ? $"expected {held} ohlc bars"
            : new[] { "tema", "hrma", "smma" }.Any(s => data.GetProperty(s).GetArrayLength() != series) ? $"expected series of {series}"
            : held == 0 && data.GetProperty("fractals").GetRawText() != """{"peaks":[],"bottoms":[]}""" ? "expected empty fractals without bars"
            : null;
    }

    [Fact]
    public async Task Confluence_of_every_symbol_answers_every_caller_as_the_tier_rules_say()
    {
        var mismatches = new List<string>();
        foreach (var (caller, client) in Clients())
        {
            foreach (var symbol in AllSymbols)
            {
                var call = await ApiCall.GetAsync(client, $"/api/confluence/{symbol}");
                var ok = caller switch
                {
                    _ when Rejection(caller) is { } error => call.IsError(HttpStatusCode.Unauthorized, error),
                    Caller.ProToken => call.Status == HttpStatusCode.OK && call.Body.GetProperty("symbol").GetString() == symbol
                        && call.Body.GetProperty("breakdown").EnumerateObject().Count() == 9,
                    _ => call.Status == HttpStatusCode.Forbidden
                        && call.BodyIs(new { success = false, error = "Confluence requires the PRO tier", tier = "FREE", upgrade_required = true }),
                };
                if (!ok)
                {
                    mismatches.Add($"{caller} {symbol}: got {call}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public async Task Names_are_checked_before_the_tier_and_the_tier_before_the_query_on_every_pair_and_confluence_route()
    {
        var anonymous = api.Client();
        var pro = api.Client(api.ProToken);
        var upgradePair = new { success = false, error = "GBPUSD H1 requires the PRO tier", tier = "FREE", upgrade_required = true };
        var upgradeConfluence = new { success = false, error = "Confluence requires the PRO tier", tier = "FREE", upgrade_required = true };
        (HttpClient Client, string Url, HttpStatusCode Status, object Body)[] cases =
        [
            (anonymous, "/api/indicators/EURGBP/M5?limit=0", HttpStatusCode.BadRequest, new { success = false, error = "Invalid symbol: EURGBP" }),
            (anonymous, "/api/indicators/GBPUSD/W1?limit=0", HttpStatusCode.BadRequest, new { success = false, error = "Invalid timeframe: W1" }),
            (anonymous, "/api/indicators/GBPUSD/H1?limit=0", HttpStatusCode.Forbidden, upgradePair),
            (pro, "/api/indicators/GBPUSD/H1?limit=0", HttpStatusCode.BadRequest, new { success = false, error = "Invalid limit: 0 (1..5000)" }),
            (anonymous, "/api/confluence/EURGBP?timestamp=yesterday", HttpStatusCode.BadRequest, new { success = false, error = "Invalid symbol: EURGBP" }),
            (anonymous, "/api/confluence/EURUSD?timestamp=yesterday", HttpStatusCode.Forbidden, upgradeConfluence),
            (pro, "/api/confluence/EURUSD?timestamp=yesterday", HttpStatusCode.BadRequest,
                new { success = false, error = "Invalid timestamp: yesterday (ISO 8601, e.g. 2022-01-05T12:00:00Z)" }),
            // The streams answer from the same filter before any event is sent.
            (anonymous, "/api/stream/EURGBP/H1", HttpStatusCode.BadRequest, new { success = false, error = "Invalid symbol: EURGBP" }),
            (anonymous, "/api/stream/GBPUSD/W1", HttpStatusCode.BadRequest, new { success = false, error = "Invalid timeframe: W1" }),
            (anonymous, "/api/stream/GBPUSD/H1", HttpStatusCode.Forbidden, upgradePair),
            (anonymous, "/api/stream/confluence/EURGBP", HttpStatusCode.BadRequest, new { success = false, error = "Invalid symbol: EURGBP" }),
            (anonymous, "/api/stream/confluence/EURUSD", HttpStatusCode.Forbidden, upgradeConfluence),
        ];

        var mismatches = new List<string>();
        foreach (var (client, url, status, body) in cases)
        {
            var call = await ApiCall.GetAsync(client, url);
            if (call.Status != status || call.MediaType != "application/json" || !call.BodyIs(body))
            {
                mismatches.Add($"{url}: expected {(int)status} {JsonSerializer.Serialize(body)}, got {call}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public async Task Symbols_and_timeframes_carry_each_callers_access()
    {
        foreach (var (caller, client) in Clients())
        {
            var symbols = await ApiCall.GetAsync(client, "/api/symbols");
            var timeframes = await ApiCall.GetAsync(client, "/api/timeframes");
            if (Rejection(caller) is { } error)
            {
                Assert.True(symbols.IsError(HttpStatusCode.Unauthorized, error), $"{caller}: {symbols}");
                Assert.True(timeframes.IsError(HttpStatusCode.Unauthorized, error), $"{caller}: {timeframes}");
                continue;
            }

            var pro = IsPro(caller);
            var tier = pro ? "PRO" : "FREE";
            Assert.Equal(HttpStatusCode.OK, symbols.Status);
            // The access flags; each instrument's kind, digits and sessions are MarketSessionTests' and MarketCalendarTests'.
            Assert.Equal((true, tier), (symbols.Body.GetProperty("success").GetBoolean(), symbols.Body.GetProperty("tier").GetString()));
            Assert.Equal(
                AllSymbols.Select(s => (s, pro || FreeSymbols.Contains(s))),
                symbols.Body.GetProperty("symbols").EnumerateArray().Select(s => (s.GetProperty("symbol").GetString()!, s.GetProperty("accessible").GetBoolean())));
            Assert.Equal(HttpStatusCode.OK, timeframes.Status);
            Assert.True(timeframes.BodyIs(new
            {
                success = true,
                tier,
                timeframes = AllTimeframes.Select(t => new { timeframe = t.Name, seconds = t.Seconds, accessible = pro || FreeTimeframes.Contains(t.Name) }),
            }), $"{caller}: {timeframes}");
        }
    }
}
