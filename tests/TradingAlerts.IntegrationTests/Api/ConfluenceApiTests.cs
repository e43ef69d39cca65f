using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>The confluence endpoint against a real silo, on synthetic data and on hand-made signal sets.</summary>
public sealed class ConfluenceApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    internal const long Time = 1_641_513_600; // 2022-01-07 00:00, aligned on every timeframe

    /// <summary>A bar on which all nine signals vote <paramref name="direction"/> (+1 bullish, −1 bearish).</summary>
    internal static BarRecord Prepared(Timeframe tf, int direction, long seq)
    {
        var d = direction;
        var close = 100.0;
        var json = (double p) => p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new BarRecord(tf, Time, close, close, close, close, new IndicatorValues(
            Fractals: $$"""{"peaks":[{"time":1,"price":{{json(close - (d * 5))}}}],"bottoms":[{"time":2,"price":{{json(close - (d * 6))}}}]}""",
            HorizontalTrendlines: $$"""{"peak_lines":[{"start_time":1,"start_price":{{json(close - (d * 5))}},"end_time":3,"end_price":{{json(close - (d * 5))}},"touches":2}],"bottom_lines":[{"start_time":2,"start_price":{{json(close - (d * 6))}},"end_time":3,"end_price":{{json(close - (d * 6))}},"touches":2}]}""",
            DiagonalTrendlines: """{"ascending":[],"descending":[]}""",
            MomentumCandles: $$"""[{"time":{{Time}},"direction":"{{(d > 0 ? "bullish" : "bearish")}}","body_ratio":2.5}]""",
            KeltnerChannels: $$"""{"upper":[110,111,112,113,114],"middle":{{json(close - d)}},"lower":[90,89,88,87,86]}""",
            Tema: close - (1 * d), Hrma: close - (2 * d), Smma: close - (3 * d),
            ZigZag: $$"""{"peaks":[{"time":1,"price":{{json(100 + (d * 1))}}},{"time":3,"price":{{json(100 + (d * 2))}}}],"bottoms":[{"time":2,"price":{{json(90 + (d * 1))}}},{"time":4,"price":{{json(90 + (d * 2))}}}]}"""),
            seq, 1);
    }

    private async Task<JsonElement> Confluence(string symbol, double expectedScore)
    {
        // Timeframe grains push their signals one-way: wait (bounded) until the grain has all nine.
        var grain = api.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IConfluenceGrain>(symbol);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Eventually.UntilAsync($"nine signals at the {symbol} confluence", async () => (await grain.GetConfluence()).Signals.Count >= 9,
            TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20), cancellationToken: timeout.Token);

        var response = await api.Client(api.ProToken).GetAsync(new Uri($"/api/confluence/{symbol}", UriKind.Relative), timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token)).RootElement.Clone();
        Assert.Equal(expectedScore, body.GetProperty("confluence_score").GetDouble());
        return body;
    }

    private async Task Prepare(string symbol, Func<int, int> directionOfTimeframe)
    {
        var rows = Timeframes.All.Select((tf, i) => Prepared(tf, directionOfTimeframe(i), i + 1)).ToArray();
        await api.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ISymbolGrain>(symbol).Ingest(new IngestBatch(symbol, "prepared", rows, rows.Length));
    }

    [Fact]
    public async Task All_nine_timeframes_bullish_at_full_strength_score_ten()
    {
        await Prepare("XAUUSD", _ => 1);
        var body = await Confluence("XAUUSD", 10);
        Assert.Equal((9, 0, 0), (body.GetProperty("signals").GetProperty("bullish").GetInt32(), body.GetProperty("signals").GetProperty("bearish").GetInt32(), body.GetProperty("signals").GetProperty("neutral").GetInt32()));
        Assert.All(body.GetProperty("breakdown").EnumerateObject(), tf =>
        {
            Assert.Equal("bullish", tf.Value.GetProperty("trend").GetString());
            Assert.Equal(1.0, tf.Value.GetProperty("strength").GetDouble());
            Assert.Equal(9, tf.Value.GetProperty("signals").EnumerateObject().Count());
        });
    }

    [Fact]
    public async Task Five_bullish_and_four_bearish_at_full_strength_score_five_point_six()
    {
        // alignment 1/9, average strength 1 → 5/9 + 5 = 5.56 → 5.6
        await Prepare("USDCHF", i => i < 5 ? 1 : -1);
        var body = await Confluence("USDCHF", 5.6);
        Assert.Equal((5, 4), (body.GetProperty("signals").GetProperty("bullish").GetInt32(), body.GetProperty("signals").GetProperty("bearish").GetInt32()));
        Assert.Equal("bearish", body.GetProperty("breakdown").GetProperty("D1").GetProperty("trend").GetString());
    }

    [Fact]
    public async Task Response_has_nine_breakdown_keys_and_nine_times_thirteen_indicators()
    {
        var grain = api.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IConfluenceGrain>("EURUSD");
        var current = await grain.GetConfluence();
        var body = await Confluence("EURUSD", current.Score);
        Assert.Equal(Timeframes.All.Select(tf => tf.Name()), body.GetProperty("breakdown").EnumerateObject().Select(p => p.Name));
        var all = body.GetProperty("all_117_indicators");
        Assert.Equal(Timeframes.All.Select(tf => tf.Name()), all.EnumerateObject().Select(p => p.Name));
        Assert.All(all.EnumerateObject(), tf => Assert.Equal(IndicatorCatalogue.PerTimeframe, tf.Value.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(117, all.EnumerateObject().Sum(tf => tf.Value.EnumerateObject().Count()));
        Assert.Equal(5, all.GetProperty("M5").GetProperty("keltner_upper").GetArrayLength());
        Assert.InRange(body.GetProperty("confluence_score").GetDouble(), 0, 10);
        Assert.Equal(10, body.GetProperty("max_score").GetInt32());
    }

    [Fact]
    public async Task A_symbol_without_bars_is_neutral_with_no_timestamp()
    {
        // NDX100 gets no bars in this fixture: nothing is invented, every timeframe is neutral at strength 0.
        var response = await api.Client(api.ProToken).GetAsync(new Uri("/api/confluence/NDX100", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(JsonValueKind.Null, body.GetProperty("timestamp").ValueKind);
        Assert.Equal(0, body.GetProperty("confluence_score").GetDouble());
        Assert.Equal(9, body.GetProperty("signals").GetProperty("neutral").GetInt32());
        Assert.All(body.GetProperty("all_117_indicators").EnumerateObject(), tf => Assert.Equal(13, tf.Value.EnumerateObject().Count()));
    }

    [Fact]
    public async Task Free_callers_must_upgrade_and_bad_input_is_refused()
    {
        var free = await api.Client().GetAsync(new Uri("/api/confluence/EURUSD", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, free.StatusCode);
        Assert.Contains("\"upgrade_required\":true", await free.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var pro = api.Client(api.ProToken);
        Assert.Equal(HttpStatusCode.BadRequest, (await pro.GetAsync(new Uri("/api/confluence/EURGBP", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        var badTime = await pro.GetAsync(new Uri("/api/confluence/EURUSD?timestamp=yesterday", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, badTime.StatusCode);
        var tooOld = await pro.GetAsync(new Uri("/api/confluence/EURUSD?timestamp=2001-01-01T00:00:00Z", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, tooOld.StatusCode);
        Assert.Contains("is older than the", await tooOld.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
