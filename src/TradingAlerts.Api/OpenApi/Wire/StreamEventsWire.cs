using System.Text.Json.Serialization;
using TradingAlerts.Api.Errors;

namespace TradingAlerts.Api.OpenApi.Wire;

/// <summary>
/// Not a body: the <c>data:</c> of each server-sent event type a stream sends, by its <c>event:</c> name. Each event's
/// <c>id:</c> is the stream's resume position (send it back as <c>Last-Event-ID</c>). docs/live-streams.md.
/// </summary>
/// <remarks>Never built (documentation only): the members are neither required nor nullable, as each event type is optional and its data never null.</remarks>
internal sealed record StreamEventsWire
{
    /// <summary>A pair's changed bars since the previous event (the indicators shape, each bar with its position).</summary>
    public BarEventWire Bar { get; init; } = null!;

    /// <summary>The pair's current state, after an id that could not be resumed (the shape of <c>bar</c>).</summary>
    public BarEventWire Reset { get; init; } = null!;

    /// <summary>A symbol's whole confluence, as GET /api/confluence answers it (PRO).</summary>
    public ConfluenceResponseWire Confluence { get; init; } = null!;

    /// <summary>Empty data, after every quiet interval.</summary>
    public string Heartbeat { get; init; } = "";

    /// <summary>The last event of a stream whose token expired: reconnect with a fresh token.</summary>
    public ApiErrorBody Expired { get; init; } = null!;
}

/// <summary>A <c>bar</c> or <c>reset</c> event: the changes of <c>pair</c> between positions <c>after</c> and <c>position</c>.</summary>
internal sealed record BarEventWire
{
    public required bool Success { get; init; }

    /// <summary><c>SYMBOL/TF</c>, e.g. <c>EURUSD/H1</c>.</summary>
    public required string Pair { get; init; }

    public required long After { get; init; }

    public required long Position { get; init; }

    public required BarEventDataWire Data { get; init; }
}

/// <summary>The indicators endpoint's <c>data</c> for the bars an event carries.</summary>
internal sealed record BarEventDataWire
{
    public required IReadOnlyList<StreamBarWire> Ohlc { get; init; }

    public required PointsWire Fractals { get; init; }

    [JsonPropertyName("horizontal_trendlines")]
    public required HorizontalTrendlinesWire HorizontalTrendlines { get; init; }

    [JsonPropertyName("diagonal_trendlines")]
    public required DiagonalTrendlinesWire DiagonalTrendlines { get; init; }

    [JsonPropertyName("momentum_candles")]
    public required IReadOnlyList<MomentumCandleWire> MomentumCandles { get; init; }

    [JsonPropertyName("keltner_channels")]
    public required KeltnerChannelsWire KeltnerChannels { get; init; }

    public required IReadOnlyList<double?> Tema { get; init; }

    public required IReadOnlyList<double?> Hrma { get; init; }

    public required IReadOnlyList<double?> Smma { get; init; }

    public required PointsWire Zigzag { get; init; }

    public required IndicatorsMetadataWire Metadata { get; init; }
}

/// <summary>A bar of an event: <see cref="OhlcBarWire"/> with the change position of this version of it.</summary>
internal sealed record StreamBarWire
{
    public required long Time { get; init; }

    public required double Open { get; init; }

    public required double High { get; init; }

    public required double Low { get; init; }

    public required double Close { get; init; }

    /// <summary>Tick volume (MT5's <c>tick_volume</c>), as in the indicators response.</summary>
    public required long Volume { get; init; }

    /// <summary>Spread in points (MT5's <c>spread</c>), as in the indicators response.</summary>
    public required int Spread { get; init; }

    /// <summary>Real volume (MT5's <c>real_volume</c>, 0 where the broker has none), as in the indicators response.</summary>
    [JsonPropertyName("real_volume")]
    public required long RealVolume { get; init; }

    public required bool Closed { get; init; }

    public required long Position { get; init; }
}
