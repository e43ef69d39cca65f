using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;

namespace TradingAlerts.IntegrationTests.Client;

/// <summary>
/// Writes bars of one symbol's timeframes as the agent does (SymbolGrain.Ingest, one source, growing seq): each step
/// rewrites the forming bar of every timeframe or opens the next one. Keeps what it wrote last per bar (the truth a
/// subscriber must end at). A call that fails (a silo lost) is retried with the same rows: re-delivery is idempotent.
/// </summary>
internal sealed class BarFlow(string symbol, Timeframe[] timeframes, long start)
{
    private readonly Dictionary<(Timeframe Timeframe, long Time), BarRecord> _written = [];
    private readonly Dictionary<Timeframe, long> _forming = timeframes.ToDictionary(tf => tf, _ => start);
    private readonly Lock _lock = new();
    private long _seq;
    private int _step;

    public string Symbol { get; } = symbol;

    public IEnumerable<Pair> Pairs => timeframes.Select(tf => new Pair(Symbol, tf));

    /// <summary>The seq of the last row written: the rows after it are the ones written from now on.</summary>
    public long Seq
    {
        get
        {
            lock (_lock)
            {
                return _seq;
            }
        }
    }

    /// <summary>Failed attempts (retried).</summary>
    public int Failures { get; private set; }

    /// <summary>The last version written of every bar of <paramref name="pair"/>, by time.</summary>
    public IReadOnlyDictionary<long, BarRecord> Written(Pair pair)
    {
        lock (_lock)
        {
            return _written.Where(w => w.Key.Timeframe == pair.Timeframe).ToDictionary(w => w.Key.Time, w => w.Value);
        }
    }

    /// <summary>One step: every third opens a new bar per timeframe (the lowest one always), the others rewrite the forming one.</summary>
    public async Task StepAsync(IGrainFactory grains, CancellationToken cancellationToken)
    {
        var step = _step;
        var rows = new List<BarRecord>();
        foreach (var tf in timeframes)
        {
            if (step % 3 == 2 && (tf == timeframes[0] || step % 9 == 8))
            {
                _forming[tf] += tf.Seconds();
            }

            var close = 1.1 + (step % 97 * 0.0001) + ((int)tf * 0.00001);
            rows.Add(new BarRecord(tf, _forming[tf], close - 0.0002, close + 0.0005, close - 0.0005, close,
                IndicatorValues.None with { Tema = close - 0.0001 }, Seq + rows.Count + 1, step + 1));
        }

        var batch = new IngestBatch(Symbol, "flow.db", [.. rows], rows[^1].Seq);
        while (true)
        {
            try
            {
                await grains.GetGrain<ISymbolGrain>(Symbol).Ingest(batch).WaitAsync(cancellationToken);
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Failures++;
                await Task.Delay(200, cancellationToken);
            }
        }

        lock (_lock)
        {
            (_step, _seq) = (step + 1, rows[^1].Seq);
            foreach (var row in rows)
            {
                _written[(row.Timeframe, row.Time)] = row;
            }
        }
    }

    /// <summary>Steps until cancelled, pausing <paramref name="pause"/> between steps.</summary>
    public async Task RunAsync(IGrainFactory grains, TimeSpan pause, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // A step once begun is finished (its call retried until answered), so what was written is known.
                await StepAsync(grains, CancellationToken.None);
                await Task.Delay(pause, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
