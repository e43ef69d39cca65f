using System.Text.Json.Serialization;

namespace TradingAlerts.Api.OpenApi.Wire;

// The shapes IndicatorsResponseJson writes by hand, for the OpenAPI document only (never serialized: the writer stays
// the fast path). OpenApiResponseContractTests holds real responses to these schemas, so a field added or renamed in
// the writer without its line here fails a test.

/// <summary><c>GET /api/indicators/{symbol}/{timeframe}</c>: series oldest first, each index-aligned with <c>ohlc</c>.</summary>
internal sealed record IndicatorsResponseWire
{
    public required bool Success { get; init; }

    public required IndicatorsDataWire Data { get; init; }
}

/// <summary>The bars, the catalogue's nine indicator columns in table order (PRO-only ones empty for FREE), then the metadata.</summary>
internal sealed record IndicatorsDataWire
{
    public required IReadOnlyList<OhlcBarWire> Ohlc { get; init; }

    /// <summary>Of the latest bar.</summary>
    public required PointsWire Fractals { get; init; }

    /// <summary>Of the latest bar; <c>{}</c> when there is none.</summary>
    [JsonPropertyName("horizontal_trendlines")]
    public required HorizontalTrendlinesWire HorizontalTrendlines { get; init; }

    /// <summary>Of the latest bar; <c>{}</c> when there is none.</summary>
    [JsonPropertyName("diagonal_trendlines")]
    public required DiagonalTrendlinesWire DiagonalTrendlines { get; init; }

    /// <summary>PRO: the momentum candles among the bars sent, each keyed by its bar's time (not aligned with ohlc).</summary>
    [JsonPropertyName("momentum_candles")]
    public required IReadOnlyList<MomentumCandleWire> MomentumCandles { get; init; }

    /// <summary>PRO, of the latest bar; <c>{}</c> for FREE or when there is none.</summary>
    [JsonPropertyName("keltner_channels")]
    public required KeltnerChannelsWire KeltnerChannels { get; init; }

    /// <summary>PRO, aligned with ohlc; null where a bar has no value; empty for FREE.</summary>
    public required IReadOnlyList<double?> Tema { get; init; }

    /// <summary>PRO, aligned with ohlc; null where a bar has no value; empty for FREE.</summary>
    public required IReadOnlyList<double?> Hrma { get; init; }

    /// <summary>PRO, aligned with ohlc; null where a bar has no value; empty for FREE.</summary>
    public required IReadOnlyList<double?> Smma { get; init; }

    /// <summary>PRO, of the latest bar.</summary>
    public required PointsWire Zigzag { get; init; }

    public required IndicatorsMetadataWire Metadata { get; init; }
}

/// <summary>One bar; <c>closed</c>: a later bar of the pair exists (every bar but the newest, the forming one).</summary>
internal sealed record OhlcBarWire
{
    /// <summary>Open time, unix seconds on the bars' clock.</summary>
    public required long Time { get; init; }

    public required double Open { get; init; }

    public required double High { get; init; }

    public required double Low { get; init; }

    public required double Close { get; init; }

    /// <summary>Tick volume: the number of price changes in the bar, as MT5 counts them (<c>tick_volume</c>; on higher timeframes the sum of the M1 bars). 0 for bars stored before volumes were collected.</summary>
    public required long Volume { get; init; }

    /// <summary>Spread of the bar in points (MT5's <c>spread</c>; one point is the price's last quoted digit). 0: not reported.</summary>
    public required int Spread { get; init; }

    /// <summary>Traded volume where the broker reports it (MT5's <c>real_volume</c>, exchange-traded instruments); 0 for FX and CFDs without it.</summary>
    [JsonPropertyName("real_volume")]
    public required long RealVolume { get; init; }

    public required bool Closed { get; init; }
}

internal sealed record IndicatorsMetadataWire
{
    public required string Symbol { get; init; }

    public required string Timeframe { get; init; }

    /// <summary>FREE or PRO.</summary>
    public required string Tier { get; init; }

    /// <summary>The number of bars in <c>ohlc</c>.</summary>
    [JsonPropertyName("bars_returned")]
    public required int BarsReturned { get; init; }

    [JsonPropertyName("pro_indicators_enabled")]
    public required bool ProIndicatorsEnabled { get; init; }

    /// <summary>With <c>from</c>/<c>to</c> only: true when no bar opened in the range (ask again before <c>next_time</c>).</summary>
    [JsonPropertyName("no_data")]
    public bool? NoData { get; init; }

    /// <summary>With <c>no_data</c> true only: open time of the newest bar before the range, null when there is none (stop asking).</summary>
    [JsonPropertyName("next_time")]
    public long? NextTime { get; init; }
}
