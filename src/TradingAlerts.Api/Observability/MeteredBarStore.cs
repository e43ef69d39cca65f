using System.Diagnostics;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Ports;

namespace TradingAlerts.Api.Observability;

/// <summary>The silo's bar store, timed and counted: write-through latency and rows written, without touching the grains.</summary>
internal sealed class MeteredBarStore(IBarStore inner, GridMetrics metrics) : IBarStore
{
    public bool IsDurable => inner.IsDurable;

    public async Task<int> UpsertAsync(Pair pair, IReadOnlyList<BarRecord> bars, IReadOnlyDictionary<long, long>? positions, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var written = await inner.UpsertAsync(pair, bars, positions, cancellationToken).ConfigureAwait(false);
            metrics.RecordWrite(pair.Symbol, bars.Count, start, ok: true);
            return written;
        }
        catch
        {
            metrics.RecordWrite(pair.Symbol, bars.Count, start, ok: false);
            throw;
        }
    }

    public Task<long> PositionAsync(Pair pair, CancellationToken cancellationToken = default) =>
        inner.PositionAsync(pair, cancellationToken);

    public Task<List<StoredBar>> ChangesSinceAsync(Pair pair, long after, long upTo, int max, CancellationToken cancellationToken = default) =>
        inner.ChangesSinceAsync(pair, after, upTo, max, cancellationToken);

    public IAsyncEnumerable<StoredBar> RehydrateAsync(Pair pair, int count, CancellationToken cancellationToken = default) =>
        inner.RehydrateAsync(pair, count, cancellationToken);

    public Task<Dictionary<Timeframe, List<BarRecord>>> AtAsync(string symbol, long time, int count, CancellationToken cancellationToken = default) =>
        inner.AtAsync(symbol, time, count, cancellationToken);

    public IAsyncEnumerable<BarRecord> RangeAsync(Pair pair, long oldest, long newest, int limit, CancellationToken cancellationToken = default) =>
        inner.RangeAsync(pair, oldest, newest, limit, cancellationToken);

    public Task<long?> BeforeAsync(Pair pair, long time, CancellationToken cancellationToken = default) =>
        inner.BeforeAsync(pair, time, cancellationToken);
}
