using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Grains;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>
/// What the pair endpoints make of odd input: limits, casing, broker suffixes, and injection attempts in
/// every place a caller controls (symbol, timeframe, limit, timestamp). Bad input is a 400 (or 404) with
/// the JSON envelope, never a 500, and PostgreSQL and the grains are left exactly as they were.
/// Runs on PostgreSQL so "nothing changed" is checked where a DROP TABLE would land.
/// </summary>
public sealed class InputValidationTests(StoredApiFixture api) : IClassFixture<StoredApiFixture>
{
    [Theory]
    [InlineData(null, 1000)] // missing: the default
    [InlineData("", 1000)] // present but empty: the default, as the seed's `get('limit') || '1000'`
    [InlineData("1", 1)]
    [InlineData("1000", 1000)]
    [InlineData("1151", 1151)]
    [InlineData("5000", 1152)] // four days of M5 is all there is
    [InlineData("5001", 1152)] // above 5000: clamped to 5000 (IndicatorsApiTests proves the clamp on more bars)
    [InlineData("99999999999999999999", 1152)] // beyond int, still a number: clamped
    [InlineData("0007", 7)] // leading zeros are still a decimal number
    public async Task A_limit_in_range_returns_that_many_of_the_latest_bars(string? limit, int expected)
    {
        var call = await ApiCall.GetAsync(api.Client(api.ProToken), "/api/indicators/EURUSD/M5" + (limit is null ? string.Empty : $"?limit={limit}"));
        Assert.Equal(HttpStatusCode.OK, call.Status);
        var data = call.Body.GetProperty("data");
        Assert.Equal(expected, data.GetProperty("metadata").GetProperty("bars_returned").GetInt32());
        var times = data.GetProperty("ohlc").EnumerateArray().Select(b => b.GetProperty("time").GetInt64()).ToList();
        Assert.Equal(expected, times.Count);
        var last = (await api.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ITimeframeGrain>("EURUSD/M5").GetLatest())!.Time;
        Assert.Equal(last, times[^1]); // the latest bars, not the first ones
        Assert.Equal(last - ((expected - 1) * 300), times[0]);
    }

    [Theory]
    [InlineData("%2010", " 10")] // no whitespace: the value is a plain decimal integer
    [InlineData("10%20", "10 ")]
    [InlineData("%2B10", "+10")]
    [InlineData("1.5", "1.5")]
    [InlineData("0x10", "0x10")]
    [InlineData("1%2C000", "1,000")]
    [InlineData("0", "0")]
    [InlineData("000", "000")]
    [InlineData("%EF%BC%91%EF%BC%90", "１０")] // fullwidth digits
    [InlineData("10&limit=20", "10,20")] // repeated
    [InlineData("10%00", "10\0")] // .NET number parsing alone would ignore trailing NULs
    public async Task A_limit_that_is_not_a_plain_integer_is_a_400(string query, string echoed)
    {
        var call = await ApiCall.GetAsync(api.Client(api.ProToken), $"/api/indicators/EURUSD/M5?limit={query}");
        Assert.True(call.IsError(HttpStatusCode.BadRequest, $"Invalid limit: {echoed} (1..5000)"), call.ToString());
    }

    [Theory]
    [InlineData("eurusd", "h1")]
    [InlineData("EurUsd", "D1")]
    [InlineData("EURUSD", "h4")]
    [InlineData("%20EURUSD%20", "H1")] // surrounding whitespace is trimmed, like the catalogue does
    public async Task Symbol_and_timeframe_are_case_insensitive_and_answer_as_the_canonical_pair(string symbol, string timeframe)
    {
        var client = api.Client();
        var call = await ApiCall.GetAsync(client, $"/api/indicators/{symbol}/{timeframe}?limit=5");
        var canonicalTf = timeframe.ToUpperInvariant();
        var canonical = await ApiCall.GetAsync(client, $"/api/indicators/EURUSD/{canonicalTf}?limit=5");
        Assert.Equal(HttpStatusCode.OK, call.Status);
        Assert.Equal(("EURUSD", canonicalTf), (call.Body.GetProperty("data").GetProperty("metadata").GetProperty("symbol").GetString(),
            call.Body.GetProperty("data").GetProperty("metadata").GetProperty("timeframe").GetString()));
        Assert.Equal(canonical.Text, call.Text);
        Assert.Equal(canonical.ETag, call.ETag); // one representation, one ETag, whatever the spelling
    }

    [Theory]
    [InlineData("EURUSD.raw")]
    [InlineData("EURUSDm")]
    [InlineData("eurusd.pro")]
    [InlineData("EURUSD.i")]
    public async Task Broker_suffixed_symbols_are_not_api_names(string symbol)
    {
        // Suffixes are a collector concern (normalized on ingest); the API speaks catalogue names only,
        // so every pair has exactly one URL (one ETag, one cache entry).
        Assert.Equal("EURUSD", Symbols.Normalize(symbol));
        var call = await ApiCall.GetAsync(api.Client(api.ProToken), $"/api/indicators/{symbol}/H1");
        Assert.True(call.IsError(HttpStatusCode.BadRequest, $"Invalid symbol: {symbol}"), call.ToString());
        var confluence = await ApiCall.GetAsync(api.Client(api.ProToken), $"/api/confluence/{symbol}");
        Assert.True(confluence.IsError(HttpStatusCode.BadRequest, $"Invalid symbol: {symbol}"), confluence.ToString());
    }

    [Fact]
    public async Task An_empty_timestamp_means_now_like_no_timestamp()
    {
        var client = api.Client(api.ProToken);
        var now = await ApiCall.GetAsync(client, "/api/confluence/EURUSD");
        var empty = await ApiCall.GetAsync(client, "/api/confluence/EURUSD?timestamp=");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Equal(now.Text, empty.Text);
    }

    [Theory]
    [InlineData("2022-01-06T00:00:00Z")]
    [InlineData("2022-01-06T02:00:00+02:00")]
    [InlineData("2022-01-06T00:00:00.000Z")]
    [InlineData("2022-01-06T00:00")]
    [InlineData("2022-01-06")]
    public async Task Iso_8601_timestamps_are_accepted(string timestamp)
    {
        // Answered from the grain's history (200) or refused as older than it (404), never a parse error.
        var call = await ApiCall.GetAsync(api.Client(api.ProToken), $"/api/confluence/EURUSD?timestamp={Uri.EscapeDataString(timestamp)}");
        Assert.True(call.Status is HttpStatusCode.OK or HttpStatusCode.NotFound, call.ToString());
    }

    [Theory]
    [InlineData("Jan 5 2022")]
    [InlineData("06/01/2022")]
    [InlineData("1641427200")]
    [InlineData("2022-01-06T00:00:00Z\0")]
    [InlineData("2022-13-01")]
    public async Task Free_form_timestamps_are_refused(string timestamp)
    {
        var text = timestamp.Replace("\\0", "\0", StringComparison.Ordinal);
        var call = await ApiCall.GetAsync(api.Client(api.ProToken), $"/api/confluence/EURUSD?timestamp={Uri.EscapeDataString(text)}");
        Assert.True(call.IsError(HttpStatusCode.BadRequest, $"Invalid timestamp: {text} (ISO 8601, e.g. 2022-01-05T12:00:00Z)"), call.ToString());
    }

    [Theory]
    [InlineData("POST", "/api/indicators/EURUSD/H1")]
    [InlineData("DELETE", "/api/symbols")]
    [InlineData("PUT", "/api/confluence/EURUSD")]
    public async Task A_wrong_method_is_a_405_with_the_envelope(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        using var response = await api.Client(api.ProToken).SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("""{"success":false,"error":"Method Not Allowed"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/api/indicators/%2E%2E/%2E%2E/etc/passwd")]
    [InlineData("/api/indicators/EURUSD/../../../etc/passwd")]
    public async Task Dot_segments_are_resolved_before_routing_and_reach_no_endpoint(string url)
    {
        // The client resolves them (as a server would) to /etc/passwd, which is no route of this host.
        var call = await ApiCall.GetAsync(api.Client(api.ProToken), url);
        Assert.Equal((HttpStatusCode.NotFound, string.Empty), (call.Status, call.Text));
    }

    public static TheoryData<string, int, string> Attacks()
    {
        var longText = new string('A', 5000);
        return new()
        {
            // SQL in every value a caller controls
            { "/api/indicators/EURUSD'%3B%20DROP%20TABLE%20eurusd_h1%3B--/H1", 400, "Invalid symbol: EURUSD'; DROP TABLE eurusd_h1;--" },
            { "/api/indicators/EURUSD/H1'%3B%20DROP%20TABLE%20eurusd_h1%3B--", 400, "Invalid timeframe: H1'; DROP TABLE eurusd_h1;--" },
            { "/api/indicators/EURUSD/H1?limit=10%3B%20DROP%20TABLE%20eurusd_h1", 400, "Invalid limit: 10; DROP TABLE eurusd_h1 (1..5000)" },
            { "/api/indicators/EURUSD/H1?limit=1%20OR%201%3D1", 400, "Invalid limit: 1 OR 1=1 (1..5000)" },
            { "/api/confluence/EURUSD'%20OR%20'1'%3D'1", 400, "Invalid symbol: EURUSD' OR '1'='1" },
            { "/api/confluence/EURUSD?timestamp=2022-01-06T00:00:00Z'%3B%20DROP%20TABLE%20eurusd_h1%3B--", 400,
                "Invalid timestamp: 2022-01-06T00:00:00Z'; DROP TABLE eurusd_h1;-- (ISO 8601, e.g. 2022-01-05T12:00:00Z)" },
            { "/api/indicators/eurusd_h1/H1", 400, "Invalid symbol: eurusd_h1" },

            // paths: encoded slashes stay inside one route value; dot segments never reach a file
            { "/api/indicators/..%2F..%2Fetc%2Fpasswd/H1", 400, "Invalid symbol: ..%2F..%2Fetc%2Fpasswd" },
            { "/api/indicators/EURUSD/..%2F..%2Fetc%2Fpasswd", 400, "Invalid timeframe: ..%2F..%2Fetc%2Fpasswd" },
            { "/api/indicators/EURUSD%2FH1/H1", 400, "Invalid symbol: EURUSD%2FH1" },
            { "/api/indicators/EURUSD%252FH1/H1", 400, "Invalid symbol: EURUSD%2FH1" },
            { "/api/confluence/EURUSD?timestamp=..%2F..%2Fetc%2Fpasswd", 400, "Invalid timestamp: ../../etc/passwd (ISO 8601, e.g. 2022-01-05T12:00:00Z)" },
            { "/api/indicators/EURUSD/H1/..%2F..%2Fetc%2Fpasswd", 404, "Not Found" },
            { "/api/EURUSD", 404, "Not Found" },

            // very long values
            { $"/api/indicators/{longText}/H1", 400, $"Invalid symbol: {longText}" },
            { $"/api/indicators/EURUSD/{longText}", 400, $"Invalid timeframe: {longText}" },
            { $"/api/indicators/EURUSD/H1?limit={new string('9', 4999)}x", 400, $"Invalid limit: {new string('9', 4999)}x (1..5000)" },
            { $"/api/confluence/EURUSD?timestamp={longText}", 400, $"Invalid timestamp: {longText} (ISO 8601, e.g. 2022-01-05T12:00:00Z)" },

            // unicode look-alikes, control and invisible characters
            { "/api/indicators/%D0%95URUSD/H1", 400, "Invalid symbol: \u0415URUSD" }, // Cyrillic Е
            { "/api/indicators/EURUSD%E2%80%8B/H1", 400, "Invalid symbol: EURUSD\u200B" }, // zero-width space
            { "/api/indicators/EURUSD/H1?limit=10%00", 400, "Invalid limit: 10\0 (1..5000)" }, // (a NUL in the path never reaches the app)
            { "/api/indicators/%F0%9F%92%A3/H1", 400, "Invalid symbol: \U0001F4A3" },
            { "/api/indicators/EURUSD/%D0%9D1", 400, "Invalid timeframe: \u041D1" }, // Cyrillic Н
            { "/api/indicators/EURUSD/H%EF%BC%91", 400, "Invalid timeframe: H\uFF11" }, // fullwidth 1
            { "/api/indicators/%3Cscript%3E/H1", 400, "Invalid symbol: <script>" },
        };
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Injection_attempts_are_refused_with_the_envelope_and_change_nothing(string url, int status, string error)
    {
        var grains = api.Factory.Services.GetRequiredService<IGrainFactory>();
        async Task<object> State() => (
            string.Join(',', await api.TableCountsAsync()),
            string.Join(',', await Task.WhenAll(Timeframes.All.Select(tf => grains.GetGrain<ITimeframeGrain>(new Pair("EURUSD", tf).Key).GetVersion()))),
            await api.Database.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
        var before = await State();

        var call = await ApiCall.GetAsync(api.Client(api.ProToken), url);

        Assert.True(call.IsError((HttpStatusCode)status, error), call.ToString());
        Assert.Equal(before, await State());
    }
}
