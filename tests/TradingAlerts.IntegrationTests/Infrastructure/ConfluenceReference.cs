using System.Text.Json;

namespace TradingAlerts.IntegrationTests.Infrastructure;

/// <summary>
/// A reference implementation of the documented signal and score rules (docs/architecture.md, "Signals and the
/// confluence score"; docs/grid.md), written apart from the grid's SignalCalculator and ConfluenceScore so that a test
/// comparing the served confluence with it catches a rule bug instead of repeating it. It reads the stored JSON
/// itself and rounds as the original plan does (JavaScript's Math.round(x * 10) / 10).
/// </summary>
internal static class ConfluenceReference
{
    /// <summary>Bars a momentum vote looks back over: the latest bar and the four before it.</summary>
    public const int MomentumBars = 5;

    private const int TimeframeCount = 9;

    /// <summary>One stored row as the reference reads it: the close and the raw indicator values (null = NULL in the table).</summary>
    public sealed record Row(long Time, double Close, string? Fractals, string? Horizontal, string? Momentum, string? Keltner,
        double? Tema, double? Hrma, double? Smma, string? ZigZag);

    /// <summary>A timeframe's expected signal: trend name as the API spells it, strength and the votes cast.</summary>
    public sealed record Signal(long BarTime, string Trend, double Strength, IReadOnlyDictionary<string, int> Votes);

    /// <summary>The signal of <paramref name="newestFirst"/>[0], its momentum vote over the first <see cref="MomentumBars"/> rows.</summary>
    public static Signal SignalOf(IReadOnlyList<Row> newestFirst)
    {
        var bar = newestFirst[0];
        var close = bar.Close;
        var votes = new Dictionary<string, int>();
        void Vote(string name, int? vote)
        {
            if (vote is { } v)
            {
                votes[name] = v;
            }
        }

        Vote("close_vs_tema", bar.Tema is { } tema ? Side(close, tema) : null);
        Vote("close_vs_hrma", bar.Hrma is { } hrma ? Side(close, hrma) : null);
        Vote("close_vs_smma", bar.Smma is { } smma ? Side(close, smma) : null);
        if (bar is { Tema: { } t, Hrma: { } h, Smma: { } s })
        {
            Vote("ma_stack", t > h && h > s ? 1 : s > h && h > t ? -1 : 0);
        }

        Vote("keltner", Number(bar.Keltner, "middle") is { } middle ? Side(close, middle) : null);
        var peaks = Points(bar.ZigZag, "peaks");
        var bottoms = Points(bar.ZigZag, "bottoms");
        if (peaks is { Count: >= 2 } && bottoms is { Count: >= 2 })
        {
            bool higherHigh = peaks[^1] > peaks[^2], higherLow = bottoms[^1] > bottoms[^2];
            bool lowerHigh = peaks[^1] < peaks[^2], lowerLow = bottoms[^1] < bottoms[^2];
            Vote("zigzag_structure", higherHigh && higherLow ? 1 : lowerHigh && lowerLow ? -1 : 0);
        }

        var fractalPeak = Points(bar.Fractals, "peaks") is { Count: > 0 } fp ? fp[^1] : (double?)null;
        var fractalBottom = Points(bar.Fractals, "bottoms") is { Count: > 0 } fb ? fb[^1] : (double?)null;
        Vote("fractal_break", Break(close, fractalPeak, fractalBottom));
        Vote("momentum", newestFirst.Take(MomentumBars).Select(r => Direction(r.Momentum)).FirstOrDefault(d => d != 0));
        Vote("horizontal_break", Break(close, LatestLine(bar.Horizontal, "peak_lines"), LatestLine(bar.Horizontal, "bottom_lines")));

        var net = votes.Values.Sum();
        var trend = net >= 2 ? "bullish" : net <= -2 ? "bearish" : "neutral";
        return new Signal(bar.Time, trend, votes.Count == 0 ? 0 : Math.Abs(net) / (double)votes.Count, votes);
    }

    /// <summary>round1(5·|bullish − bearish|/9 + 5·Σstrength/9), a timeframe without a signal neutral with strength 0.</summary>
    public static double Score(IEnumerable<Signal> signals)
    {
        var list = signals.ToList();
        var alignment = Math.Abs(list.Count(s => s.Trend == "bullish") - list.Count(s => s.Trend == "bearish")) / (double)TimeframeCount;
        var averageStrength = list.Sum(s => s.Strength) / TimeframeCount;
        return Math.Min(10, JavaScriptRound1((5 * alignment) + (5 * averageStrength)));
    }

    /// <summary>Math.round(x * 10) / 10 as JavaScript computes it for x ≥ 0: a half goes up.</summary>
    public static double JavaScriptRound1(double x) => Math.Floor((x * 10) + 0.5) / 10;

    private static int Side(double close, double level) => close > level ? 1 : close < level ? -1 : 0;

    /// <summary>Close above the upper level +1, below the lower −1, else 0; absent when neither level exists.</summary>
    private static int? Break(double close, double? upper, double? lower) =>
        upper is null && lower is null ? null : upper is { } u && close > u ? 1 : lower is { } l && close < l ? -1 : 0;

    private static int Direction(string? momentum) => Parse(momentum) is { ValueKind: JsonValueKind.Array } candles && candles.GetArrayLength() > 0
        ? candles[0].GetProperty("direction").GetString() switch { "bullish" => 1, "bearish" => -1, _ => 0 }
        : 0;

    /// <summary>The prices of a point list, oldest first (by time); null when the value is missing.</summary>
    private static List<double>? Points(string? json, string side) =>
        Parse(json) is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty(side, out var points)
            ? [.. points.EnumerateArray().OrderBy(p => p.GetProperty("time").GetInt64()).Select(p => p.GetProperty("price").GetDouble())]
            : null;

    /// <summary>The end price of the most recently started line of that side; null when there is none.</summary>
    private static double? LatestLine(string? json, string side) =>
        Parse(json) is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty(side, out var lines) && lines.GetArrayLength() > 0
            ? lines.EnumerateArray().MaxBy(l => l.GetProperty("start_time").GetInt64()).GetProperty("end_price").GetDouble()
            : null;

    private static double? Number(string? json, string name) =>
        Parse(json) is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty(name, out var value) ? value.GetDouble() : null;

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
