namespace TradingAlerts.AlertEngine.Rules;

/// <summary>
/// One alert as published (JSON, snake_case): <paramref name="Rule"/> is "confluence", "trendline" or "keltner";
/// <paramref name="Value"/> is the score or the close, <paramref name="Level"/> the threshold, line or band it crossed.
/// </summary>
/// <param name="Id">Deterministic (<see cref="AlertIds"/>): the same condition on the same bar has the same id on every run.</param>
/// <param name="Timeframe">Null for confluence (a symbol-wide score).</param>
/// <param name="Time">Unix seconds of the bar (or confluence) that fired it.</param>
/// <param name="Direction">"up"/"down" across a line, "above"/"below" a band, "bullish"/"bearish"/"neutral" for confluence.</param>
public sealed record Alert(string Id, string Rule, string Symbol, string? Timeframe, long Time, double Value, double Level, string Direction, string Message);
