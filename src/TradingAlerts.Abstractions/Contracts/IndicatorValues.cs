namespace TradingAlerts.Abstractions.Contracts;

/// <summary>
/// The indicator columns of one bar. JSON columns hold validated JSON text in the shapes of docs/architecture.md#indicator-json
/// (times in unix seconds, never bar indexes); numbers are null where the indicator has no value yet.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradingAlerts.IndicatorValues")]
public sealed record IndicatorValues(
    [property: Id(0)] string? Fractals,
    [property: Id(1)] string? HorizontalTrendlines,
    [property: Id(2)] string? DiagonalTrendlines,
    [property: Id(3)] string? MomentumCandles,
    [property: Id(4)] string? KeltnerChannels,
    [property: Id(5)] double? Tema,
    [property: Id(6)] double? Hrma,
    [property: Id(7)] double? Smma,
    [property: Id(8)] string? ZigZag)
{
    /// <summary>A bar with no indicator values.</summary>
    public static IndicatorValues None { get; } = new(null, null, null, null, null, null, null, null, null);
}
