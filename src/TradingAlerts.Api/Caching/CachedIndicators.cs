using System.Globalization;
using System.Text;
using System.Text.Json;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Api.Endpoints;

namespace TradingAlerts.Api.Caching;

/// <summary>
/// The indicators body of a grain version's latest <see cref="Count"/> bars for one tier, with where each array's
/// elements start. Every series is index-aligned with ohlc and the momentum candles are in time order, so the body of
/// the latest n ≤ Count bars is this one with each array's leading elements left out and <c>bars_returned</c>
/// rewritten: the bytes <see cref="IndicatorsResponseJson.Write(BarSeriesSnapshot, Abstractions.Catalogue.Pair, Abstractions.Catalogue.Tier)"/>
/// writes for n. One cached body per (pair, tier) then serves every limit.
/// </summary>
internal sealed class CachedIndicators : ICachedResponse
{
    /// <summary>Bytes handed to the response at a time, so a slow reader holds only this much of Kestrel's buffers.</summary>
    private const int WriteChunk = 32 * 1024;

    private readonly byte[] _body;
    private readonly ArraySlice[] _arrays;
    private readonly int[] _candlesBefore; // per bar: how many momentum candles are older than it
    private readonly int _countStart;
    private readonly int _countEnd;

    private CachedIndicators(byte[] body, ArraySlice[] arrays, int[] candlesBefore, int countStart, int countEnd, long version, int count, bool complete)
    {
        _body = body;
        _arrays = arrays;
        _candlesBefore = candlesBefore;
        _countStart = countStart;
        _countEnd = countEnd;
        Version = version;
        Count = count;
        Complete = complete;
        Bytes = body.Length + (sizeof(int) * (candlesBefore.Length + arrays.Sum(a => (long)a.Starts.Length)));
    }

    public long Version { get; }

    /// <summary>Bars in the body.</summary>
    public int Count { get; }

    /// <summary>The grain held fewer bars than were asked: the body then answers any larger limit too.</summary>
    public bool Complete { get; }

    /// <summary>The bytes of the arrays it holds (the body and its index).</summary>
    public long Bytes { get; }

    public bool Serves(long version, int limit) => version == Version && (limit <= Count || Complete);

    /// <summary>The response for <paramref name="limit"/> as pieces of the body, in order.</summary>
    public List<ReadOnlyMemory<byte>> Segments(int limit)
    {
        var n = Math.Min(limit, Count);
        var skip = Count - n;
        var segments = new List<ReadOnlyMemory<byte>>((2 * _arrays.Length) + 3);
        var cursor = 0;
        foreach (var array in _arrays)
        {
            segments.Add(_body.AsMemory(cursor, array.Open - cursor));
            var first = array.Aligned || array.Starts.Length == 0 ? skip : _candlesBefore[skip];
            if (first < array.Starts.Length)
            {
                segments.Add(_body.AsMemory(array.Starts[first], array.Close - array.Starts[first]));
            }

            cursor = array.Close;
        }

        segments.Add(_body.AsMemory(cursor, _countStart - cursor));
        segments.Add(Encoding.ASCII.GetBytes(n.ToString(CultureInfo.InvariantCulture)));
        segments.Add(_body.AsMemory(_countEnd));
        return segments;
    }

    public static async Task WriteAsync(Stream stream, List<ReadOnlyMemory<byte>> segments, CancellationToken cancellationToken)
    {
        foreach (var segment in segments)
        {
            for (var offset = 0; offset < segment.Length; offset += WriteChunk)
            {
                await stream.WriteAsync(segment.Slice(offset, Math.Min(WriteChunk, segment.Length - offset)), cancellationToken);
            }
        }
    }

    /// <param name="Open">Offset just after the array's <c>[</c>.</param>
    /// <param name="Close">Offset of its <c>]</c>.</param>
    /// <param name="Starts">Offset of each element (after the comma before it).</param>
    /// <param name="Aligned">Element i is bar i (else: a momentum candle, by time).</param>
    private readonly record struct ArraySlice(int Open, int Close, int[] Starts, bool Aligned);

    /// <summary>Records offsets while <see cref="IndicatorsResponseJson"/> writes (compact JSON: elements are comma-separated).</summary>
    internal sealed class Index(int bars)
    {
        private readonly List<ArraySlice> _arrays = [];
        private readonly List<int> _starts = new(bars);
        private int _open;
        private int _countStart;
        private int _countEnd;

        public void Open(Utf8JsonWriter w)
        {
            _open = Position(w);
            _starts.Clear();
        }

        public void Element(Utf8JsonWriter w, int i) => _starts.Add(Position(w) + (i == 0 ? 0 : 1));

        public void Close(Utf8JsonWriter w, bool aligned)
        {
            if (aligned && _starts.Count is not 0 && _starts.Count != bars)
            {
                throw new InvalidOperationException($"A series of {_starts.Count} values beside {bars} bars");
            }

            _arrays.Add(new ArraySlice(_open, Position(w), [.. _starts], aligned));
        }

        /// <summary>After <c>bars_returned</c> was written as <paramref name="count"/>.</summary>
        public void Count(Utf8JsonWriter w, int count)
        {
            _countEnd = Position(w);
            _countStart = _countEnd - count.ToString(CultureInfo.InvariantCulture).Length;
        }

        public CachedIndicators Build(byte[] body, long version, int count, bool complete, long[] time, MomentumCandleInfo[] candles)
        {
            var candlesBefore = _arrays.Any(a => !a.Aligned && a.Starts.Length > 0) ? new int[count + 1] : [];
            for (int i = 0, c = 0; i < candlesBefore.Length; i++)
            {
                while (c < candles.Length && (i == count || candles[c].Time < time[i]))
                {
                    c++;
                }

                candlesBefore[i] = c;
            }

            return new CachedIndicators(body, [.. _arrays], candlesBefore, _countStart, _countEnd, version, count, complete);
        }

        private static int Position(Utf8JsonWriter w) => checked((int)(w.BytesCommitted + w.BytesPending));
    }
}
