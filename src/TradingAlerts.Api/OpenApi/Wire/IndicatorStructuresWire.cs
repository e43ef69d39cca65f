using System.Text.Json.Serialization;

namespace TradingAlerts.Api.OpenApi.Wire;

// The indicator structures as the collector writes them (IndicatorShapes checks them on ingest) and the API embeds them.

/// <summary>Fractals, zigzag: turning points.</summary>
internal sealed record PointsWire
{
    public required IReadOnlyList<PointWire> Peaks { get; init; }

    public required IReadOnlyList<PointWire> Bottoms { get; init; }
}

internal sealed record PointWire
{
    /// <summary>Unix seconds.</summary>
    public required long Time { get; init; }

    public required double Price { get; init; }
}

/// <summary>Both sides absent when there is no latest bar (<c>{}</c>).</summary>
internal sealed record HorizontalTrendlinesWire
{
    [JsonPropertyName("peak_lines")]
    public IReadOnlyList<TrendlineWire> PeakLines { get; init; } = [];

    [JsonPropertyName("bottom_lines")]
    public IReadOnlyList<TrendlineWire> BottomLines { get; init; } = [];
}

/// <summary>Both sides absent when there is no latest bar (<c>{}</c>).</summary>
internal sealed record DiagonalTrendlinesWire
{
    public IReadOnlyList<TrendlineWire> Ascending { get; init; } = [];

    public IReadOnlyList<TrendlineWire> Descending { get; init; } = [];
}

internal sealed record TrendlineWire
{
    [JsonPropertyName("start_time")]
    public required long StartTime { get; init; }

    [JsonPropertyName("start_price")]
    public required double StartPrice { get; init; }

    [JsonPropertyName("end_time")]
    public required long EndTime { get; init; }

    [JsonPropertyName("end_price")]
    public required double EndPrice { get; init; }

    public required int Touches { get; init; }
}

/// <summary>Five bands each side; every field absent for FREE or when there is no latest bar (<c>{}</c>).</summary>
internal sealed record KeltnerChannelsWire
{
    public IReadOnlyList<double> Upper { get; init; } = [];

    public double Middle { get; init; }

    public IReadOnlyList<double> Lower { get; init; } = [];
}

internal sealed record MomentumCandleWire
{
    /// <summary>The bar's time, unix seconds.</summary>
    public required long Time { get; init; }

    public required CandleDirectionWire Direction { get; init; }

    [JsonPropertyName("body_ratio")]
    public required double BodyRatio { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<CandleDirectionWire>))]
internal enum CandleDirectionWire
{
    [JsonStringEnumMemberName("bullish")] Bullish,
    [JsonStringEnumMemberName("bearish")] Bearish,
}
