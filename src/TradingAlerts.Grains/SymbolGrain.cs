using Orleans.Runtime;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;

namespace TradingAlerts.Grains;

/// <summary>
/// One instrument's ingest: routes a batch to its timeframe grains (one call per timeframe, in parallel)
/// and advances the source's cursor only after every one of them wrote through. A crash anywhere before
/// that re-delivers the batch, and the upserts make re-delivery harmless.
/// </summary>
public sealed class SymbolGrain(
    [PersistentState("ingest", GridStorage.Name)] IPersistentState<SymbolIngestState> state) : Grain, ISymbolGrain
{
    public Task<long> GetCursor(string source) =>
        Task.FromResult(state.State.Cursors.GetValueOrDefault(source ?? throw new ArgumentNullException(nameof(source))));

    public async Task<IngestResult> Ingest(IngestBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var symbol = this.GetPrimaryKeyString();
        if (!string.Equals(batch.Symbol, symbol, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Batch for {batch.Symbol} sent to the {symbol} grain");
        }

        var cursor = state.State.Cursors.GetValueOrDefault(batch.Source);
        if (batch.LastSeq <= cursor)
        {
            return new IngestResult(cursor, 0); // already durable: a re-delivery
        }

        var written = await Task.WhenAll(batch.Rows
            .Where(r => r.Seq > cursor)
            .GroupBy(r => r.Timeframe)
            .Select(g => GrainFactory.GetGrain<ITimeframeGrain>(new Pair(symbol, g.Key).Key).Apply([.. g.OrderBy(r => r.Seq)])));

        state.State.Cursors[batch.Source] = batch.LastSeq;
        state.State.RowsIngested += batch.Rows.Length;
        state.State.Batches++;
        await state.WriteStateAsync();
        return new IngestResult(batch.LastSeq, written.Sum());
    }
}
