using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Api.Caching;
using TradingAlerts.Api.Endpoints;
using TradingAlerts.Api.Errors;

namespace TradingAlerts.Api.Live;

/// <summary>
/// One <c>bar</c> (or <c>reset</c>) event of a pair: its changes between two positions in the indicators endpoint's
/// shape (each bar with <c>closed</c> and <c>position</c>), with the structures of the pair's latest bar. Rendered at
/// most once per tier however many streams send it.
/// </summary>
internal sealed class BarEvent
{
    public const string Type = "bar";
    public const string ResetType = "reset";

    private readonly IndicatorValues? _latest;
    private byte[]? _pro;
    private byte[]? _free;

    public BarEvent(Pair pair, PairChanges changes, bool reset, IndicatorValues? latest)
    {
        Pair = pair;
        Changes = changes;
        IsReset = reset;
        _latest = latest;
    }

    public Pair Pair { get; }

    public PairChanges Changes { get; }

    public bool IsReset { get; }

    public long After => Changes.After;

    public long Position => Changes.Position;

    public string EventType => IsReset ? ResetType : Type;

    /// <summary>The same event without the versions a stream already sent (those at or below <paramref name="sent"/>).</summary>
    public BarEvent Since(long sent) =>
        new(Pair, Changes with { After = sent, Bars = [.. Changes.Bars.Where(v => v.Position > sent)] }, IsReset, _latest);

    /// <summary>Read by the streams' response loops concurrently: two may render once each, both right.</summary>
    public byte[] For(Tier tier) => tier == Tier.Pro ? _pro ??= Render(Tier.Pro) : _free ??= Render(Tier.Free);

    /// <summary>The newest bar of <paramref name="versions"/> (by time, then position), or <paramref name="known"/> when it is newer.</summary>
    public static BarVersion? Newest(BarVersion? known, IEnumerable<BarVersion> versions)
    {
        var newest = known;
        foreach (var v in versions)
        {
            if (newest is null || v.Bar.Time > newest.Bar.Time || (v.Bar.Time == newest.Bar.Time && v.Position >= newest.Position))
            {
                newest = v;
            }
        }

        return newest;
    }

    private byte[] Render(Tier tier)
    {
        // Of several versions of one bar the highest position is current; the series are in time order.
        var bars = Changes.Bars.GroupBy(v => v.Bar.Time).Select(g => g.MaxBy(v => v.Position)!).OrderBy(v => v.Bar.Time).ToArray();
        var momentum = bars
            .Select(v => (v.Bar.Time, Candle: MomentumJson.Parse(v.Bar.Indicators.MomentumCandles)))
            .Where(m => m.Candle is not null)
            .Select(m => m.Candle!.Value with { Time = m.Time }) // keyed by bar time, as the series holds them
            .ToArray();
        return IndicatorsResponseJson.WriteEvent(ResponseBars.Of(bars, momentum, _latest), Pair, tier, Changes.After, Changes.Position);
    }
}
