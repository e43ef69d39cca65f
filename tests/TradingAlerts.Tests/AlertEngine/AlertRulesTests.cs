using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.AlertEngine;
using TradingAlerts.AlertEngine.Rules;

namespace TradingAlerts.Tests.AlertEngine;

/// <summary>
/// The alert rules (docs/alert-engine.md): bars are evaluated once closed, at their newest version; each rule fires on a
/// change of state against the previous evaluated bar, never on the first (baseline) one; ids are deterministic.
/// </summary>
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

    private static AlertOptions Intrabar(AlertOptions options)
    {
        options.Intrabar = true;
        return options;
    }

    private long _position;

    /// <summary>One change set as the grid hands it out: the versions in position order, each with its closed flag.</summary>
    private PairChanges Changes(params (BarRecord Bar, bool Closed)[] versions)
    {
        var after = _position;
        var bars = versions.Select(v => new BarVersion(++_position, v.Closed, v.Bar)).ToArray();
        return new PairChanges(EurH1.Key, after, _position, bars, false, _position);
    }

    private IReadOnlyList<Alert> Forming(AlertRules rules, params BarRecord[] bars) => rules.Evaluate(EurH1, Changes([.. bars.Select(b => (b, false))]));

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
        Assert.Equal($"confluence:EURUSD:{T0}:7", alert.Id);
    }

    [Fact]
    public void After_a_restart_a_score_that_rose_while_the_engine_was_away_fires_on_the_current_snapshot()
    {
        var rules = new AlertRules(Options(threshold: 7.0));
        Assert.Empty(rules.Evaluate(Confluence(6.0)));
        var kept = rules.State("EURUSD")!;

        var restarted = new AlertRules(Options(threshold: 7.0));
        restarted.Restore("EURUSD", kept);
        var alert = Assert.Single(restarted.Evaluate(Confluence(8.0) with { Time = T0 + 900 }));
        Assert.Equal($"confluence:EURUSD:{T0 + 900}:7", alert.Id);
        Assert.Empty(restarted.Evaluate(Confluence(5.0) with { Time = T0 })); // older than the one evaluated
        Assert.True(restarted.State("EURUSD")!.Above);
    }

    [Fact]
    public void Confluence_rule_is_off_without_a_threshold()
    {
        var rules = new AlertRules(Options(threshold: null));
        Assert.Empty(rules.Evaluate(Confluence(1.0)));
        Assert.Empty(rules.Evaluate(Confluence(10.0)));
    }

    [Fact]
    public void A_bar_is_evaluated_once_when_the_next_bar_opens_at_its_newest_version()
    {
        var rules = new AlertRules(Options(band: null));

        Assert.Empty(Forming(rules, Bar(T0, 1.0980, 1)));
        Assert.Empty(Forming(rules, Bar(T0 + 3600, 1.0985, 2))); // T0 closes: the baseline
        Assert.Empty(Forming(rules, Bar(T0 + 3600, 1.1010, 3))); // the forming bar crosses the peak line: not yet
        Assert.Empty(Forming(rules, Bar(T0 + 3600, 1.0990, 4))); // … and back: nothing at close time
        Assert.Empty(Forming(rules, Bar(T0 + 7200, 1.1010, 5))); // T0+1h closed at 1.0990: below, as T0
        Assert.Empty(Forming(rules, Bar(T0 + 7200, 1.1020, 6)));
        var up = Assert.Single(Forming(rules, Bar(T0 + 10800, 1.1030, 7))); // T0+2h closed at 1.1020: crossed up

        Assert.Equal(("trendline", "EURUSD", "H1", T0 + 7200, 1.1, "up", 1.1020), (up.Rule, up.Symbol, up.Timeframe, up.Time, up.Level, up.Direction, up.Value));
        Assert.Equal($"trendline:EURUSD/H1:{T0 + 7200}:1.1:up", up.Id);
    }

    [Fact]
    public void A_closed_version_is_evaluated_at_once_and_later_corrections_of_an_evaluated_bar_are_not()
    {
        var rules = new AlertRules(Options(band: null));

        Assert.Empty(rules.Evaluate(EurH1, Changes((Bar(T0, 1.0980, 1), true))));
        var down = rules.Evaluate(EurH1, Changes((Bar(T0 + 3600, 1.0850, 2), true), (Bar(T0 + 7200, 1.0860, 3), false)));
        Assert.Equal([(1.09, "down")], down.Select(a => (a.Level, a.Direction))); // 1.1 was already above: only the bottom line
        Assert.Empty(rules.Evaluate(EurH1, Changes((Bar(T0 + 3600, 1.1050, 4), true)))); // correction of an evaluated bar
        Assert.Empty(rules.Evaluate(EurH1, Changes((Bar(T0, 1.1050, 5), true))));
        // the forming bar closes at its newest version, against the last evaluated close (1.0850)
        var up = Forming(rules, Bar(T0 + 7200, 1.0950, 6), Bar(T0 + 10800, 1.0950, 7));
        Assert.Equal([(1.09, "up")], up.Select(a => (a.Level, a.Direction)));
    }

    [Fact]
    public void Touching_a_line_is_not_a_crossing()
    {
        var rules = new AlertRules(Options(band: null));

        Assert.Empty(rules.Evaluate(EurH1, Changes((Bar(T0, 1.1020, 1), true))));
        Assert.Empty(rules.Evaluate(EurH1, Changes((Bar(T0 + 3600, 1.1000, 2), true)))); // on the line
        Assert.Empty(rules.Evaluate(EurH1, Changes((Bar(T0 + 7200, 1.0950, 3), true)))); // from the line: the previous close was not strictly above
    }

    [Fact]
    public void Intrabar_evaluates_every_version_and_a_repeat_on_the_same_bar_has_the_same_id()
    {
        var rules = new AlertRules(Intrabar(Options(band: null)));

        Assert.Empty(Forming(rules, Bar(T0, 1.0980, 1)));
        var first = Assert.Single(Forming(rules, Bar(T0, 1.1010, 2)));
        Assert.Single(Forming(rules, Bar(T0, 1.0990, 3)));
        var again = Assert.Single(Forming(rules, Bar(T0, 1.1015, 4)));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal($"trendline:EURUSD/H1:{T0}:1.1:up", first.Id);
    }

    [Fact]
    public void Keltner_fires_when_a_close_leaves_the_band_not_while_it_stays_out()
    {
        var rules = new AlertRules(Options(trendlines: false, band: 1));

        Assert.Empty(rules.Evaluate(EurH1, Changes((Bar(T0, 1.1100, 1), true)))); // baseline, already above
        Assert.Empty(rules.Evaluate(EurH1, Changes((Bar(T0 + 3600, 1.1000, 2), true)))); // back inside
        var above = Assert.Single(rules.Evaluate(EurH1, Changes((Bar(T0 + 7200, 1.1060, 3), true))));
        Assert.Empty(rules.Evaluate(EurH1, Changes((Bar(T0 + 10800, 1.1070, 4), true))));
        var below = Assert.Single(rules.Evaluate(EurH1, Changes((Bar(T0 + 14400, 1.0940, 5), true)))); // straight from above to below
        Assert.Empty(rules.Evaluate(EurH1, Changes((Bar(T0 + 18000, 1.1200, 6, keltner: "{}"), true)))); // no band: no side
        Assert.Empty(rules.Evaluate(EurH1, Changes((Bar(T0 + 21600, 1.1200, 7), true)))); // the previous bar had no side

        Assert.Equal(("keltner", "above", 1.105, 1.1060, $"keltner:EURUSD/H1:{T0 + 7200}:1:above"), (above.Rule, above.Direction, above.Level, above.Value, above.Id));
        Assert.Equal(("below", 1.095), (below.Direction, below.Level));
    }

    [Fact]
    public void The_resume_position_lies_before_the_forming_bar_and_restored_state_continues_without_a_new_baseline()
    {
        var rules = new AlertRules(Options(band: null));
        Assert.Empty(rules.Evaluate(EurH1, Changes((Bar(T0, 1.0980, 1), true), (Bar(T0 + 3600, 1.0990, 2), false))));
        Assert.Empty(Forming(rules, Bar(T0 + 3600, 1.1010, 3)));
        var kept = rules.State(EurH1)!;
        Assert.Equal(new PairRuleState(1, T0, 1.0980, null), kept); // position 2 was the forming bar's first version

        // After a restart the grid hands out everything after position 1: the forming bar at its newest version.
        var restarted = new AlertRules(Options(band: null));
        restarted.Restore(EurH1, kept);
        var up = restarted.Evaluate(EurH1, new PairChanges(EurH1.Key, 1, 4, [new BarVersion(3, true, Bar(T0 + 3600, 1.1010, 3)), new BarVersion(4, false, Bar(T0 + 7200, 1.1, 4))], false, 4));
        Assert.Equal([$"trendline:EURUSD/H1:{T0 + 3600}:1.1:up"], up.Select(a => a.Id));
        Assert.Equal(3, restarted.State(EurH1)!.Resume);
    }

    [Fact]
    public void Malformed_structure_json_is_evaluated_as_none_and_counted()
    {
        var rules = new AlertRules(Options());
        Assert.Empty(rules.Evaluate(EurH1, Changes((Bar(T0, 1.0980, 1), true))));
        Assert.Empty(rules.Evaluate(EurH1, Changes((Bar(T0 + 3600, 1.1200, 2, lines: "{not json", keltner: "[1,"), true))));
        Assert.Equal(2, rules.MalformedBars);
        Assert.Equal(T0 + 3600, rules.State(EurH1)!.Time); // still closed: the next bar is compared with it
    }

    [Fact]
    public void Alerts_are_published_as_snake_case_json_with_their_id()
    {
        var json = AlertPublisher.ToJson(new Alert("keltner:EURUSD/H1:1:1:above", "keltner", "EURUSD", "H1", T0, 1.106, 1.105, "above", "m"));
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("keltner:EURUSD/H1:1:1:above", doc.RootElement.GetProperty("id").GetString());
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

    [Fact]
    public void A_webhook_url_needs_a_secret_and_no_default_is_taken()
    {
        var options = new AlertOptions { Symbols = ["EURUSD"], Webhook = new() { Url = "http://127.0.0.1:9/hook" } };
        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(e => e.ErrorMessage).ToList();
        Assert.Contains(errors, e => e!.Contains("Alerts:Webhook:Secret is required", StringComparison.Ordinal));
        options.Webhook.Url = "ftp://example.invalid/";
        options.Webhook.Secret = "s";
        Assert.Contains(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)), e => e.ErrorMessage!.Contains("not an http(s) URL", StringComparison.Ordinal));
    }

    [Fact]
    public void The_signature_is_hmac_sha256_over_the_body_bytes()
    {
        // RFC 4231 test case 2.
        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            TradingAlerts.AlertEngine.Webhooks.WebhookSignature.Sign("Jefe", "what do ya want for nothing?"u8.ToArray()));
    }

    [Fact]
    public void Backoff_doubles_from_the_initial_wait_up_to_the_maximum()
    {
        var webhook = new TradingAlerts.AlertEngine.Webhooks.WebhookOptions { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(10) };
        Assert.Equal([1, 2, 4, 8, 10, 10], new[] { 1, 2, 3, 4, 5, 9 }.Select(a => webhook.Backoff(a).TotalSeconds));
    }
}
