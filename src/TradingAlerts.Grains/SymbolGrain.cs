using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;

namespace TradingAlerts.Grains;

/// <summary>
/// One instrument's ingest: routes a batch to its timeframe grains (one call per timeframe, in parallel)
/// and advances the source's cursor only after every one of them wrote through. A crash anywhere before
/// that re-delivers the batch, and the upserts make re-delivery harmless. A cursor counts in one file: a
/// file recreated, restored or reset at the same path (another identity, or a highest seq below the
/// cursor) is read again from the start, which the same upserts make harmless.
/// </summary>
public sealed partial class SymbolGrain(
    [PersistentState("ingest", GridStorage.Name)] IPersistentState<SymbolIngestState> state,
    ILogger<SymbolGrain> logger) : Grain, ISymbolGrain
{
    public Task<long> GetCursor(string source) =>
        Task.FromResult(state.State.Cursors.GetValueOrDefault(source ?? throw new ArgumentNullException(nameof(source))));

    public async Task<SourceCursor> Attach(string source, SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(file);
        var cursor = state.State.Cursors.GetValueOrDefault(source);
        var known = state.State.FileIds.GetValueOrDefault(source);
        var reason =
            file.FileId is not null && known is not null && !string.Equals(file.FileId, known, StringComparison.Ordinal)
                ? $"the file was recreated or replaced (identity {file.FileId}, the cursor {cursor} counted in {known})"
            : file.MaxSeq < cursor
                ? $"its highest seq {file.MaxSeq} is below the cursor {cursor} (a restored or reset file)"
            : null;
        if (reason is null && (file.FileId is null || string.Equals(file.FileId, known, StringComparison.Ordinal)))
        {
            return new SourceCursor(cursor, null);
        }

        if (reason is not null)
        {
            state.State.Cursors[source] = 0;
            LogReset(logger, this.GetPrimaryKeyString(), source, reason);
        }

        // A cursor from before files had an identity adopts the file's identity as it is.
        if (file.FileId is not null)
        {
            state.State.FileIds[source] = file.FileId;
        }
        else
        {
            state.State.FileIds.Remove(source);
        }

        await state.WriteStateAsync();
        return new SourceCursor(state.State.Cursors.GetValueOrDefault(source), reason);
    }

    public async Task<IngestResult> Ingest(IngestBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var symbol = this.GetPrimaryKeyString();
        if (!string.Equals(batch.Symbol, symbol, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Batch for {batch.Symbol} sent to the {symbol} grain");
        }

        var cursor = state.State.Cursors.GetValueOrDefault(batch.Source);
        if (batch.FileId is not null && state.State.FileIds.TryGetValue(batch.Source, out var fileId)
            && !string.Equals(batch.FileId, fileId, StringComparison.Ordinal))
        {
            return new IngestResult(cursor, 0); // read from a file replaced since: its seq counts in another file
        }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest {Symbol}: collector file {Source} is read again from the start: {Reason}")]
    private static partial void LogReset(ILogger logger, string symbol, string source, string reason);
}
