using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Tests.Contracts;

/// <summary>Contracts cross silos and clients: they must round-trip through Orleans' own serializer.</summary>
public class SerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static readonly BarRecord Bar = new(
        Timeframe.H4, 1_641_254_400, 1.1283, 1.1301, 1.1279, 1.1297,
        new IndicatorValues(
            """{"peaks":[{"time":1641240000,"price":1.1301}],"bottoms":[]}""", null, null, "[]",
            """{"upper":[1.131,1.132,1.133,1.134,1.135],"middle":1.129,"lower":[1.128,1.127,1.126,1.125,1.124]}""",
            1.1290, null, 1.1288, null),
        Seq: 42, WrittenAtMs: 1_641_254_999_123);

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
}
