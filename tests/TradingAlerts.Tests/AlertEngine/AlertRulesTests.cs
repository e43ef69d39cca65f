using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.AlertEngine;
using TradingAlerts.AlertEngine.Rules;

namespace TradingAlerts.Tests.AlertEngine;

/// <summary>The alert rules: each fires on the change of state, once, and never on the first (baseline) update.</summary>
public sealed class AlertRulesTests
{
    private static readonly Pair EurH1 = new("EURUSD", Timeframe.H1);
    private const long T0 = 1_700_000_400;

    private static AlertOptions Options(double? threshold = 7.0, bool trendlines = true, int? band = 1) =>
        new() { Symbols = ["EURUSD"], ConfluenceThreshold = threshold, Trendlines = trendlines, KeltnerBand = band };

    private static ConfluenceSnapshot Confluence(double score, int bullish = 7, int bearish = 1) =>
        new("EURUSD", T0, score, bullish, bearish, 9 - bullish - bearish, new Dictionary<Timeframe, TimeframeSignal>());

    /// <summary>A bar with one peak line at 1.1000 and one bottom line at 1.0900, inner Keltner band 1.0950–1.1050.</summary>
    private static BarRecord Bar(long time, double close, long seq, string? lines = null, string? keltner = null) =>
        new(Timeframe.H1, time, close, close, close, close, IndicatorValues.None with
        {
            HorizontalTrendlines = lines ?? """
                {"peak_lines":[{"start_time":1699990000,"start_price":1.1,"end_time":1700000000,"end_price":1.1,"touches":3}],
                 "bottom_lines":[{"start_time":1699980000,"start_price":1.09,"end_time":1700000000,"end_price":1.09,"touches":2}]}
                """,
            KeltnerChannels = keltner ?? """{"upper":[1.105,1.11,1.115,1.12,1.125],"middle":1.1,"lower":[1.095,1.09,1.085,1.08,1.075]}""",
        }, seq, 0);

    [Fact]
    public void Confluence_fires_when_the_score_reaches_the_threshold_and_again_only_after_falling_below()
    {
        var rules = new AlertRules(Options(threshold: 7.0));

        Assert.Empty(rules.Evaluate(Confluence(8.0))); // baseline: a standing condition at startup is not an alert
        Assert.Empty(rules.Evaluate(Confluence(6.0)));
        var alert = Assert.Single(rules.Evaluate(Confluence(7.0)));
        Assert.Empty(rules.Evaluate(Confluence(9.5))); // still at or above: no repeat
        Assert.Empty(rules.Evaluate(Confluence(6.9)));
        var again = Assert.Single(rules.Evaluate(Confluence(7.4, bullish: 1, bearish: 8)));

        Assert.Equal(("confluence", "EURUSD", (string?)null, 7.0, 7.0, "bullish"), (alert.Rule, alert.Symbol, alert.Timeframe, alert.Value, alert.Level, alert.Direction));
        Assert.Equal("bearish", again.Direction);
    }

    [Fact]
    public void Confluence_rule_is_off_without_a_threshold()
    {
        var rules = new AlertRules(Options(threshold: null));
        Assert.Empty(rules.Evaluate(Confluence(1.0)));
        Assert.Empty(rules.Evaluate(Confluence(10.0)));
    }

    [Fact]
    public void Close_crossing_a_horizontal_line_fires_once_per_crossing_in_either_direction()
    {
        var rules = new AlertRules(Options(band: null));

        Assert.Empty(rules.Evaluate(EurH1, [Bar(T0, 1.0980, 1)]));
        Assert.Empty(rules.Evaluate(EurH1, [Bar(T0, 1.0990, 2)])); // forming bar moves, still below the peak line
        var up = Assert.Single(rules.Evaluate(EurH1, [Bar(T0, 1.1010, 3)])); // the forming bar crosses the peak line
        Assert.Empty(rules.Evaluate(EurH1, [Bar(T0 + 3600, 1.1020, 4)])); // beyond it: no repeat
        Assert.Empty(rules.Evaluate(EurH1, [Bar(T0 + 3600, 1.1000, 5)])); // touching from above is not a crossing back
        Assert.Empty(rules.Evaluate(EurH1, [Bar(T0 + 3600, 1.1005, 6)])); // … nor is leaving the line on the same side
        Assert.Empty(rules.Evaluate(EurH1, [Bar(T0 + 3600, 1.1000, 7)]));
        var down = rules.Evaluate(EurH1, [Bar(T0 + 7200, 1.0850, 8)]); // through the peak line (via the touch) and the bottom line in one bar

        Assert.Equal(("trendline", "EURUSD", "H1", 1.1, "up", 1.1010), (up.Rule, up.Symbol, up.Timeframe, up.Level, up.Direction, up.Value));
        Assert.Equal([(1.1, "down"), (1.09, "down")], down.Select(a => (a.Level, a.Direction)));
    }

    [Fact]
    public void Older_versions_of_a_bar_are_ignored()
    {
        var rules = new AlertRules(Options(band: null));

        Assert.Empty(rules.Evaluate(EurH1, [Bar(T0, 1.0980, 5)]));
        // A re-sent older version (re-subscription after a silo loss) must not look like a crossing.
        Assert.Empty(rules.Evaluate(EurH1, [Bar(T0, 1.1050, 4), Bar(T0 - 3600, 1.1050, 9)]));
        Assert.Empty(rules.Evaluate(EurH1, [Bar(T0, 1.0985, 6)]));
        Assert.Single(rules.Evaluate(EurH1, [Bar(T0, 1.0990, 7), Bar(T0, 1.1001, 8)])); // several versions in one update, in order
    }

    [Fact]
    public void Keltner_fires_when_a_close_leaves_the_band_not_while_it_stays_out()
    {
        var rules = new AlertRules(Options(trendlines: false, band: 1));

        Assert.Empty(rules.Evaluate(EurH1, [Bar(T0, 1.1100, 1)])); // baseline, already above
        Assert.Empty(rules.Evaluate(EurH1, [Bar(T0 + 3600, 1.1000, 2)])); // back inside
        var above = Assert.Single(rules.Evaluate(EurH1, [Bar(T0 + 7200, 1.1060, 3)]));
        Assert.Empty(rules.Evaluate(EurH1, [Bar(T0 + 10800, 1.1070, 4)]));
        var below = Assert.Single(rules.Evaluate(EurH1, [Bar(T0 + 14400, 1.0940, 5)])); // straight from above to below

        Assert.Equal(("keltner", "above", 1.105, 1.1060), (above.Rule, above.Direction, above.Level, above.Value));
        Assert.Equal(("below", 1.095), (below.Direction, below.Level));
    }

    [Fact]
    public void Keltner_band_is_configurable_and_a_bar_without_bands_keeps_the_last_side()
    {
        var rules = new AlertRules(Options(trendlines: false, band: 3));

        Assert.Empty(rules.Evaluate(EurH1, [Bar(T0, 1.1100, 1)])); // inside band 3 (1.085–1.115)
        Assert.Empty(rules.Evaluate(EurH1, [Bar(T0 + 3600, 1.1200, 2, keltner: "{}")])); // no bands: no decision
        var alert = Assert.Single(rules.Evaluate(EurH1, [Bar(T0 + 7200, 1.1160, 3)]));
        Assert.Equal(1.115, alert.Level);
    }

    [Fact]
    public void Bars_without_structure_json_fire_nothing()
    {
        var rules = new AlertRules(Options());
        var plain = new BarRecord(Timeframe.H1, T0, 1, 1, 1, 1.0, IndicatorValues.None, 1, 0);

        Assert.Empty(rules.Evaluate(EurH1, [plain]));
        Assert.Empty(rules.Evaluate(EurH1, [plain with { Time = T0 + 3600, Close = 2.0, Seq = 2 }]));
    }

    [Fact]
    public void Alerts_are_published_as_snake_case_json()
    {
        var json = AlertPublisher.ToJson(new Alert("keltner", "EURUSD", "H1", T0, 1.106, 1.105, "above", "m"));
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("keltner", doc.RootElement.GetProperty("rule").GetString());
        Assert.Equal("H1", doc.RootElement.GetProperty("timeframe").GetString());
        Assert.Equal(T0, doc.RootElement.GetProperty("time").GetInt64());
        Assert.Equal(1.105, doc.RootElement.GetProperty("level").GetDouble());
    }

    [Fact]
    public void Options_reject_unknown_symbols_and_timeframes()
    {
        var options = new AlertOptions { Symbols = ["EURUSD.i", "FOO"], Timeframes = ["H1", "W1"] };
        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(e => e.ErrorMessage).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal([new Pair("EURUSD", Timeframe.H1)], new AlertOptions { Symbols = ["EURUSD.i"], Timeframes = ["h1"] }.Pairs());
    }
}
