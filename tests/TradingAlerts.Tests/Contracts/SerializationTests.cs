using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Tests.Contracts;

/// <summary>Contracts cross silos and clients: they must round-trip through Orleans' own serializer.</summary>
public class SerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(SerializationTests).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>();

    private static readonly BarRecord Bar = new(
        Timeframe.H4, 1_641_254_400, 1.1283, 1.1301, 1.1279, 1.1297,
        new IndicatorValues(
            """{"peaks":[{"time":1641240000,"price":1.1301}],"bottoms":[]}""", null, null, "[]",
            """{"upper":[1.131,1.132,1.133,1.134,1.135],"middle":1.129,"lower":[1.128,1.127,1.126,1.125,1.124]}""",
            1.1290, null, 1.1288, null),
        Seq: 42, WrittenAtMs: 1_641_254_999_123, TickVolume: 4_812, Spread: 7, RealVolume: 3_000_000_123);

    [Fact]
    public void Bar_and_batch_round_trip()
    {
        var batch = new IngestBatch("EURUSD", "collector.db", [Bar, Bar with { Seq = 43, Close = 1.13 }], LastSeq: 44);
        var copy = Serializer.Deserialize<IngestBatch>(Serializer.SerializeToArray(batch));
        Assert.NotNull(copy);
        Assert.Equal(batch.Symbol, copy.Symbol);
        Assert.Equal(batch.Source, copy.Source);
        Assert.Equal(batch.LastSeq, copy.LastSeq);
        Assert.Equal(batch.Rows, copy.Rows);
    }

    [Fact]
    public void Signal_and_confluence_round_trip()
    {
        var signal = new TimeframeSignal(Timeframe.D1, 1_641_254_400, Trend.Bullish, 0.5,
            new Dictionary<string, int> { ["close_vs_tema"] = 1, ["ma_stack"] = 1, ["zigzag"] = 0, ["fractal_break"] = 0 });
        var snapshot = new ConfluenceSnapshot("EURUSD", 1_641_254_400, 6.1, 1, 0, 8,
            new Dictionary<Timeframe, TimeframeSignal> { [Timeframe.D1] = signal });
        var copy = Serializer.Deserialize<ConfluenceSnapshot>(Serializer.SerializeToArray(snapshot));
        Assert.NotNull(copy);
        Assert.Equal(snapshot.Score, copy.Score);
        Assert.Equal((snapshot.Bullish, snapshot.Bearish, snapshot.Neutral), (copy.Bullish, copy.Bearish, copy.Neutral));
        var copiedSignal = Assert.Single(copy.Signals).Value;
        Assert.Equal(signal.Trend, copiedSignal.Trend);
        Assert.Equal(signal.Votes, copiedSignal.Votes);
    }

    [Fact]
    public void A_bar_with_volumes_reaches_a_silo_of_the_previous_version_and_one_from_it_reads_volumes_as_0()
    {
        // A rolling upgrade: the previous BarRecord (ids 0-8) reads the new one, skipping the volume fields, and back.
        var old = Serializer.Deserialize<PreviousBarRecord>(Serializer.SerializeToArray(Bar))!;
        Assert.Equal((Bar.Timeframe, Bar.Time, Bar.Open, Bar.High, Bar.Low, Bar.Close, Bar.Seq, Bar.WrittenAtMs),
            (old.Timeframe, old.Time, old.Open, old.High, old.Low, old.Close, old.Seq, old.WrittenAtMs));
        Assert.Equal(Bar.Indicators, old.Indicators);

        var back = Serializer.Deserialize<BarRecord>(Serializer.SerializeToArray(old))!;
        Assert.Equal(Bar with { TickVolume = 0, Spread = 0, RealVolume = 0 }, back);

        var same = Serializer.Deserialize<BarRecord>(Serializer.SerializeToArray(Bar))!;
        Assert.Equal((4_812L, 7, 3_000_000_123L), (same.TickVolume, same.Spread, same.RealVolume));
    }

    [Fact]
    public void A_snapshot_from_a_silo_of_the_previous_version_has_no_volume_series_and_reads_as_0()
    {
        var previous = new PreviousBarSeriesSnapshot("EURUSD/M5", 3, [300, 600], [1, 2], [1, 2], [1, 2], [1, 2], [null, null], [null, null], [null, null], [], null);
        var snapshot = Serializer.Deserialize<BarSeriesSnapshot>(Serializer.SerializeToArray(previous))!;
        Assert.Null(snapshot.TickVolume);
        Assert.Equal((0L, 0, 0L), (snapshot.TickVolumeAt(1), snapshot.SpreadAt(1), snapshot.RealVolumeAt(1)));

        var current = snapshot with { TickVolume = [5, 9], Spread = [12, 11], RealVolume = [0, 0] };
        var copy = Serializer.Deserialize<BarSeriesSnapshot>(Serializer.SerializeToArray(current))!;
        Assert.Equal([5L, 9L], copy.TickVolume!);
        Assert.Equal([12, 11], copy.Spread!);
        Assert.Equal(2, Serializer.Deserialize<PreviousBarSeriesSnapshot>(Serializer.SerializeToArray(current))!.Time.Length);
    }
}

/// <summary>BarRecord as it was before the volume fields (ids 0-8): what a silo of the previous version knows.</summary>
[GenerateSerializer, Alias("TradingAlerts.Tests.PreviousBarRecord")]
public sealed record PreviousBarRecord(
    [property: Id(0)] Timeframe Timeframe,
    [property: Id(1)] long Time,
    [property: Id(2)] double Open,
    [property: Id(3)] double High,
    [property: Id(4)] double Low,
    [property: Id(5)] double Close,
    [property: Id(6)] IndicatorValues Indicators,
    [property: Id(7)] long Seq,
    [property: Id(8)] long WrittenAtMs);

/// <summary>BarSeriesSnapshot as it was before the volume series (ids 0-11).</summary>
[GenerateSerializer, Alias("TradingAlerts.Tests.PreviousBarSeriesSnapshot")]
public sealed record PreviousBarSeriesSnapshot(
    [property: Id(0)] string PairKey,
    [property: Id(1)] long Version,
    [property: Id(2)] long[] Time,
    [property: Id(3)] double[] Open,
    [property: Id(4)] double[] High,
    [property: Id(5)] double[] Low,
    [property: Id(6)] double[] Close,
    [property: Id(7)] double?[] Tema,
    [property: Id(8)] double?[] Hrma,
    [property: Id(9)] double?[] Smma,
    [property: Id(10)] MomentumCandleInfo[] MomentumCandles,
    [property: Id(11)] IndicatorValues? LatestIndicators);
